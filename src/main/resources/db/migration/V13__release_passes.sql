-- Release passes (放行条): permission for items to leave a site on one day, checked once at the gate.

-- One counter row per day hands out the readable numbers (P-261125-0001) without two instances ever sharing one.
create table release_pass_counter (
    day             date    primary key,
    last_value      integer not null
);

-- A pass is asked for a house by one of its occupants (through the portal or the front desk); an owner's pass is
-- approved at once, anyone else's waits for an owner's consent or the front desk's approval with a reason.
create table release_pass (
    id                   bigserial primary key,
    number               varchar(20)  not null,
    site_id              bigint       not null references site (id),
    house_id             bigint       not null references house (id),
    requester_id         bigint       not null references customer (id),
    requester_name       varchar(100) not null,
    requester_role       varchar(20)  not null,
    requested_via        varchar(10)  not null,
    items                varchar(500) not null,
    pass_date            date         not null,
    vehicle_plate        varchar(20),
    status               varchar(20)  not null,
    approval             varchar(20),
    decided_by_name      varchar(100),
    decided_at           timestamptz,
    decision_reason      varchar(500),
    used_at              timestamptz,
    used_by_name         varchar(100),
    version              bigint       not null default 0,
    created_at           timestamptz  not null,
    created_by           varchar(64)  not null,
    updated_at           timestamptz  not null,
    updated_by           varchar(64)  not null,
    constraint uk_release_pass_number unique (number),
    constraint ck_release_pass_used check ((status = 'USED') = (used_at is not null))
);
-- the desk's list: a site's passes by day; the portal's: a household's passes
create index ix_release_pass_site_date on release_pass (site_id, pass_date desc, id desc);
create index ix_release_pass_house on release_pass (house_id, pass_date desc, id desc);
create index ix_release_pass_pending on release_pass (house_id) where status = 'PENDING';

-- Every check at the gate, whatever its result; a number that matched no pass the guard may see has no pass.
create table release_pass_check (
    id                   bigserial primary key,
    pass_id              bigint       references release_pass (id),
    number_entered       varchar(40)  not null,
    result               varchar(20)  not null,
    -- the check that let the items through and marked the pass used
    marked_used          boolean      not null default false,
    checked_at           timestamptz  not null,
    checked_by           varchar(64)  not null,
    checked_by_name      varchar(100) not null
);
create index ix_release_pass_check_pass on release_pass_check (pass_id, checked_at);
