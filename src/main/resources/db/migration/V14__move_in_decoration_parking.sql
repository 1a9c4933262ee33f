-- Move-in handovers: the checklist the front desk fills in when an owner or tenant receives a house.
create table move_in_handover (
    id                   bigserial primary key,
    site_id              bigint        not null references site (id),
    house_id             bigint        not null references house (id),
    customer_id          bigint        not null references customer (id),
    occupancy_role       varchar(20)   not null,
    handover_date        date          not null,
    documents            varchar(200)  not null,
    keys_handed          integer       not null check (keys_handed >= 0),
    water_reading        numeric(12, 2) not null check (water_reading >= 0),
    electricity_reading  numeric(12, 2) not null check (electricity_reading >= 0),
    gas_reading          numeric(12, 2) check (gas_reading >= 0),
    items_issued         varchar(1000),
    confirmed_by_name    varchar(100)  not null,
    created_at           timestamptz   not null,
    created_by           varchar(64)   not null
);
create index ix_move_in_handover_house on move_in_handover (house_id, handover_date desc);
create index ix_move_in_handover_site on move_in_handover (site_id, handover_date desc);

-- Decoration registrations: one per job on a house, with its deposit and permit.
create table decoration (
    id                   bigserial primary key,
    site_id              bigint        not null references site (id),
    house_id             bigint        not null references house (id),
    permit_no            varchar(32)   not null,
    contractor           varchar(100)  not null,
    contractor_phone     varchar(20)   not null,
    workers              varchar(1000) not null,
    worker_count         integer       not null check (worker_count > 0),
    starts_on            date          not null,
    ends_on              date          not null,
    work_scope           varchar(2000) not null,
    deposit              numeric(12, 2) not null check (deposit >= 0),
    deposit_state        varchar(20)   not null,
    deposit_deducted     numeric(12, 2) check (deposit_deducted >= 0 and deposit_deducted <= deposit),
    deposit_reason       varchar(500),
    house_status_before  varchar(20)   not null,
    accepted_on          date,
    accepted_by          varchar(100),
    version              bigint        not null default 0,
    created_at           timestamptz   not null,
    created_by           varchar(64)   not null,
    constraint uk_decoration_permit unique (permit_no),
    constraint ck_decoration_period check (ends_on >= starts_on),
    constraint ck_decoration_deposit check (deposit_state in ('HELD', 'REFUNDED', 'DEDUCTED')
        and (deposit_state <> 'DEDUCTED' or (deposit_deducted > 0 and deposit_reason is not null)))
);
create index ix_decoration_site_open on decoration (site_id, ends_on) where accepted_on is null;
create index ix_decoration_site_started on decoration (site_id, starts_on desc);
create index ix_decoration_house on decoration (house_id, starts_on desc);

-- Inspections during the work; a finding may have become a service request.
create table decoration_inspection (
    id                   bigserial primary key,
    decoration_id        bigint        not null references decoration (id),
    inspected_at         timestamptz   not null,
    inspector            varchar(100)  not null,
    finding              varchar(2000) not null,
    compliant            boolean       not null,
    request_id           bigint        references service_request (id),
    created_by           varchar(64)   not null
);
create index ix_decoration_inspection on decoration_inspection (decoration_id, inspected_at desc);
create unique index uk_decoration_inspection_request on decoration_inspection (request_id);

-- Special permits: hot work (动火) within a time window, approved by a named person.
create table decoration_hot_work (
    id                   bigserial primary key,
    decoration_id        bigint        not null references decoration (id),
    starts_at            timestamptz   not null,
    ends_at              timestamptz   not null,
    work_place           varchar(200)  not null,
    approver             varchar(100)  not null,
    created_at           timestamptz   not null,
    created_by           varchar(64)   not null,
    constraint ck_hot_work_window check (ends_at > starts_at)
);
create index ix_decoration_hot_work on decoration_hot_work (decoration_id, starts_at);

-- Parking spaces and who holds them.
create table parking_space (
    id                   bigserial primary key,
    site_id              bigint        not null references site (id),
    number               varchar(20)   not null,
    space_type           varchar(20)   not null check (space_type in ('OWNED', 'LEASED', 'VISITOR')),
    location             varchar(100),
    created_at           timestamptz   not null,
    created_by           varchar(64)   not null,
    constraint uk_parking_space_number unique (site_id, number)
);

create table parking_assignment (
    id                   bigserial primary key,
    space_id             bigint        not null references parking_space (id),
    customer_id          bigint        not null references customer (id),
    house_id             bigint        not null references house (id),
    plate_numbers        varchar(100)  not null,
    starts_on            date          not null,
    ends_on              date,
    created_at           timestamptz   not null,
    created_by           varchar(64)   not null,
    constraint ck_parking_assignment_dates check (ends_on is null or ends_on >= starts_on),
    constraint ex_parking_assignment_overlap exclude using gist (space_id with =,
        daterange(starts_on, ends_on, '[]') with &&)
);
create index ix_parking_assignment_ends on parking_assignment (ends_on);
create index ix_parking_assignment_house on parking_assignment (house_id);
