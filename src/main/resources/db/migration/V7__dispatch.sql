-- Dispatch: technicians and teams, duty rosters, the materials price list, work orders and automatic dispatch rules.

-- How many work orders a request has had: once it has any, its work moves follow them.
alter table service_request add column work_orders integer not null default 0;
-- What its work orders add up to (WAITING, ASSIGNED, ON_SITE, PAUSED, DONE); while someone has the job, they drive it.
alter table service_request add column work_state varchar(20);

create table team (
    id              bigserial primary key,
    name            varchar(100) not null,
    site_id         bigint       references site (id),
    leader_staff_id bigint       references staff (id),
    active          boolean      not null default true,
    version         bigint       not null default 0,
    created_at      timestamptz  not null,
    created_by      varchar(64)  not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(64)  not null
);
create unique index uk_team_name on team (lower(name));

-- The technician profile of a staff account; the sites served are the account's.
create table technician (
    staff_id        bigint       primary key references staff (id) on delete cascade,
    team_id         bigint       references team (id),
    version         bigint       not null default 0,
    created_at      timestamptz  not null,
    created_by      varchar(64)  not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(64)  not null
);
create index ix_technician_team on technician (team_id);

create table technician_skill (
    staff_id        bigint       not null references technician (staff_id) on delete cascade,
    skill           varchar(40)  not null,
    primary key (staff_id, skill)
);
create index ix_technician_skill_skill on technician_skill (skill);

create extension if not exists btree_gist;

-- A dated shift of the duty roster; an emergency shift is the 24-hour duty the industry standard requires.
create table duty_shift (
    id              bigserial primary key,
    staff_id        bigint       not null references staff (id) on delete cascade,
    starts_at       timestamptz  not null,
    ends_at         timestamptz  not null,
    emergency       boolean      not null default false,
    created_at      timestamptz  not null,
    created_by      varchar(64)  not null,
    constraint ck_duty_shift_span check (ends_at > starts_at and ends_at <= starts_at + interval '24 hours'),
    -- Nobody works two shifts at once, even when two managers save at the same moment.
    constraint ex_duty_shift_overlap exclude using gist (staff_id with =, tstzrange(starts_at, ends_at) with &&)
);
create index ix_duty_shift_staff_starts on duty_shift (staff_id, starts_at);
create index ix_duty_shift_window on duty_shift (starts_at, ends_at);

create table material (
    id              bigserial primary key,
    code            varchar(40)   not null,
    name_zh         varchar(100)  not null,
    name_en         varchar(100)  not null,
    unit_zh         varchar(20)   not null,
    unit_en         varchar(20)   not null,
    unit_price      numeric(10,2) not null check (unit_price >= 0),
    active          boolean       not null default true,
    version         bigint        not null default 0,
    created_at      timestamptz   not null,
    created_by      varchar(64)   not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(64)   not null,
    constraint uk_material_code unique (code)
);

create table work_order (
    id                  bigserial primary key,
    number              varchar(30)   not null,
    request_id          bigint        not null references service_request (id),
    site_id             bigint        not null references site (id),
    technician_staff_id bigint        references staff (id),
    team_id             bigint        references team (id),
    status              varchar(20)   not null,
    auto_assigned       boolean       not null default false,
    accept_by           timestamptz,
    due_arrival_at      timestamptz,
    assigned_at         timestamptz   not null,
    assigned_by         varchar(64)   not null,
    assigned_by_name    varchar(100)  not null,
    accepted_at         timestamptz,
    declined_at         timestamptz,
    decline_reason      varchar(500),
    arrived_at          timestamptz,
    paused_at           timestamptz,
    pause_reason        varchar(500),
    expected_resume_at  timestamptz,
    completed_at        timestamptz,
    work_done           varchar(2000),
    labour_minutes      integer       check (labour_minutes >= 0),
    materials_total     numeric(16,2) not null default 0,
    charge              numeric(10,2) check (charge >= 0),
    charge_paid         boolean,
    confirmed_by        varchar(100),
    owner_absent        boolean       not null default false,
    cancelled_at        timestamptz,
    cancel_reason       varchar(500),
    reopen_count        integer       not null default 0,
    version             bigint        not null default 0,
    created_at          timestamptz   not null,
    created_by          varchar(64)   not null,
    updated_at          timestamptz   not null,
    updated_by          varchar(64)   not null,
    constraint uk_work_order_number unique (number),
    constraint ck_work_order_assignee check (technician_staff_id is not null or team_id is not null)
);
create index ix_work_order_request on work_order (request_id);
create index ix_work_order_technician_status on work_order (technician_staff_id, status);
create index ix_work_order_team_status on work_order (team_id, status) where team_id is not null;
create index ix_work_order_accept_by on work_order (accept_by) where status = 'ASSIGNED' and auto_assigned;
create index ix_work_order_arrived on work_order (technician_staff_id, arrived_at) where arrived_at is not null;

create table work_order_material (
    id              bigserial primary key,
    work_order_id   bigint        not null references work_order (id) on delete cascade,
    material_id     bigint        not null references material (id),
    code            varchar(40)   not null,
    name            varchar(100)  not null,
    unit            varchar(20)   not null,
    unit_price      numeric(10,2) not null,
    quantity        numeric(10,2) not null check (quantity > 0),
    amount          numeric(16,2) not null
);
create index ix_work_order_material_order on work_order_material (work_order_id);

create table work_order_photo (
    id              bigserial primary key,
    work_order_id   bigint        not null references work_order (id) on delete cascade,
    stage           varchar(10)   not null,
    file_name       varchar(200)  not null,
    content_type    varchar(100)  not null,
    size_bytes      bigint        not null,
    storage_key     varchar(200)  not null,
    uploaded_at     timestamptz   not null,
    uploaded_by     varchar(64)   not null
);
create index ix_work_order_photo_order on work_order_photo (work_order_id);

-- Automatic dispatch for a site, for one category (and its children) or, with no category, for every repair.
create table dispatch_rule (
    id              bigserial primary key,
    site_id         bigint       not null references site (id),
    category_id     bigint       references request_category (id),
    accept_minutes  integer      not null check (accept_minutes between 1 and 240),
    enabled         boolean      not null default true,
    version         bigint       not null default 0,
    created_at      timestamptz  not null,
    created_by      varchar(64)  not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(64)  not null,
    constraint uk_dispatch_rule unique nulls not distinct (site_id, category_id)
);

-- The dispatcher board lists open requests by due time.
create index ix_service_request_open_due on service_request (site_id, due_resolve_at)
    where status in ('NEW', 'ACKNOWLEDGED', 'DISPATCHED', 'IN_PROGRESS', 'ON_HOLD', 'REOPENED');
