-- Care programmes (客户关怀): a site's target group of households, contacted once or every month.
-- The filters left null do not narrow the group.
create table care_programme (
    id                    bigserial primary key,
    site_id               bigint        not null references site (id),
    name                  varchar(100)  not null,
    kind                  varchar(20)   not null,
    repeat_mode           varchar(20)   not null,
    starts_on             date          not null,
    ends_on               date,
    care_flag             varchar(30),
    value_tier            varchar(20),
    disposition           varchar(20),
    building_id           bigint        references building (id),
    birthday_this_month   boolean       not null default false,
    moved_in_within_days  integer       check (moved_in_within_days between 1 and 366),
    -- a shipped default (ELDERLY_CALL, BIRTHDAY, WELCOME), so that creating the defaults twice adds nothing
    default_key           varchar(20),
    version               bigint        not null default 0,
    created_at            timestamptz   not null,
    created_by            varchar(64)   not null,
    updated_at            timestamptz   not null,
    updated_by            varchar(64)   not null,
    constraint ck_care_programme_period check (ends_on is null or ends_on >= starts_on),
    constraint uk_care_programme_default unique (site_id, default_key)
);
create index ix_care_programme_site on care_programme (site_id, name);

-- One household to contact in one round (the month of a monthly programme; the whole period of a one-off).
-- Households join a round as they come into the target group and stay in it, so coverage does not move backwards
-- when someone leaves the group before the round ends.
create table care_task (
    id                bigserial primary key,
    programme_id      bigint        not null references care_programme (id),
    site_id           bigint        not null references site (id),
    round_start       date          not null,
    house_id          bigint        not null references house (id),
    customer_id       bigint        not null references customer (id),
    status            varchar(20)   not null default 'OPEN',
    last_contact_at   timestamptz,
    created_at        timestamptz   not null,
    constraint uk_care_task_household unique (programme_id, round_start, house_id)
);
create index ix_care_task_round on care_task (programme_id, round_start, status);
create index ix_care_task_site_round on care_task (site_id, round_start);
create index ix_care_task_customer on care_task (customer_id);

create table care_contact (
    id                bigserial primary key,
    task_id           bigint        not null references care_task (id),
    outcome           varchar(20)   not null,
    note              varchar(1000),
    staff_username    varchar(64)   not null,
    staff_name        varchar(100)  not null,
    contacted_at      timestamptz   not null
);
create index ix_care_contact_task on care_contact (task_id, contacted_at desc);

-- The target group filters: care flags by flag, birthdays by month, move-ins by date.
create index ix_customer_care_flag_flag on customer_care_flag (flag, customer_id);
create index ix_customer_birth_month on customer (site_id, (extract(month from birthday))) where birthday is not null;
create index ix_occupancy_current_start on occupancy (house_id, start_date) where end_date is null;
