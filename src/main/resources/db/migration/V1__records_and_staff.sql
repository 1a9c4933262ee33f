-- Foundation schema: sites and their houses, customers and who lives where, staff accounts.
create extension if not exists pg_trgm;

create table site (
    id              bigserial primary key,
    code            varchar(32)  not null,
    name            varchar(100) not null,
    address         varchar(300),
    property_type   varchar(20)  not null,
    version         bigint       not null default 0,
    created_at      timestamptz  not null,
    created_by      varchar(64)  not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(64)  not null,
    constraint uk_site_code unique (code)
);

create table building (
    id              bigserial primary key,
    site_id         bigint       not null references site (id),
    code            varchar(16)  not null,
    name            varchar(100),
    floors          integer,
    version         bigint       not null default 0,
    created_at      timestamptz  not null,
    created_by      varchar(64)  not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(64)  not null,
    constraint uk_building_code unique (site_id, code)
);

create table unit (
    id              bigserial primary key,
    building_id     bigint       not null references building (id),
    code            varchar(16)  not null,
    version         bigint       not null default 0,
    created_at      timestamptz  not null,
    created_by      varchar(64)  not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(64)  not null,
    constraint uk_unit_code unique (building_id, code)
);

-- code is the front-desk notation (building-unit-room, or building-room without units), unique within a site.
create table house (
    id              bigserial primary key,
    site_id         bigint        not null references site (id),
    building_id     bigint        not null references building (id),
    unit_id         bigint        references unit (id),
    room_no         varchar(16)   not null,
    code            varchar(50)   not null,
    floor           integer,
    area            numeric(10, 2),
    house_use       varchar(20)   not null,
    status          varchar(20)   not null,
    handover_date   date,
    warranty_end    date,
    version         bigint        not null default 0,
    created_at      timestamptz   not null,
    created_by      varchar(64)   not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(64)   not null,
    constraint uk_house_code unique (site_id, code)
);
create index ix_house_building on house (building_id);
create index ix_house_room_no on house (room_no);
create index ix_house_site_code on house (site_id, code varchar_pattern_ops);

create table customer (
    id                      bigserial primary key,
    site_id                 bigint        not null references site (id),
    customer_type           varchar(20)   not null,
    name                    varchar(100)  not null,
    email                   varchar(200),
    id_number               varchar(40),
    value_tier              varchar(20)   not null,
    disposition             varchar(20),
    birthday                date,
    preferred_contact_time  varchar(100),
    notes                   varchar(2000),
    version                 bigint        not null default 0,
    created_at              timestamptz   not null,
    created_by              varchar(64)   not null,
    updated_at              timestamptz   not null,
    updated_by              varchar(64)   not null
);
create index ix_customer_site on customer (site_id);
create index ix_customer_name_trgm on customer using gin (name gin_trgm_ops);
create index ix_customer_name on customer (name varchar_pattern_ops);
create index ix_customer_id_number on customer (id_number) where id_number is not null;

create table customer_care_flag (
    customer_id     bigint      not null references customer (id) on delete cascade,
    flag            varchar(30) not null,
    primary key (customer_id, flag)
);

-- number holds digits only, so that any fragment a caller reads out can be matched.
create table customer_phone (
    id              bigserial primary key,
    customer_id     bigint      not null references customer (id) on delete cascade,
    number          varchar(20) not null,
    label           varchar(30),
    position        integer     not null default 0,
    constraint uk_customer_phone unique (customer_id, number)
);
create index ix_customer_phone_number_trgm on customer_phone using gin (number gin_trgm_ops);
create index ix_customer_phone_number on customer_phone (number);

create table occupancy (
    id              bigserial primary key,
    customer_id     bigint      not null references customer (id),
    house_id        bigint      not null references house (id),
    role            varchar(20) not null,
    start_date      date        not null,
    end_date        date,
    primary_contact boolean     not null default false,
    version         bigint      not null default 0,
    created_at      timestamptz not null,
    created_by      varchar(64) not null,
    updated_at      timestamptz not null,
    updated_by      varchar(64) not null,
    constraint ck_occupancy_dates check (end_date is null or end_date >= start_date)
);
create index ix_occupancy_customer on occupancy (customer_id);
create index ix_occupancy_house on occupancy (house_id);

create table house_history (
    id              bigserial primary key,
    house_id        bigint        not null references house (id),
    kind            varchar(30)   not null,
    entry_date      date          not null,
    text            varchar(2000) not null,
    author          varchar(100)  not null,
    created_at      timestamptz   not null
);
create index ix_house_history_house on house_history (house_id, entry_date desc);

create table communication (
    id              bigserial primary key,
    customer_id     bigint        not null references customer (id),
    house_id        bigint        references house (id),
    channel         varchar(20)   not null,
    direction       varchar(10)   not null,
    summary         varchar(2000) not null,
    staff_username  varchar(64)   not null,
    staff_name      varchar(100)  not null,
    occurred_at     timestamptz   not null,
    created_at      timestamptz   not null
);
create index ix_communication_customer on communication (customer_id, occurred_at desc);

create table customer_change (
    id              bigserial primary key,
    customer_id     bigint        not null references customer (id),
    changed_at      timestamptz   not null,
    changed_by      varchar(64)   not null,
    field           varchar(60)   not null,
    old_value       varchar(2000),
    new_value       varchar(2000)
);
create index ix_customer_change_customer on customer_change (customer_id, changed_at desc);

create table staff (
    id              bigserial primary key,
    username        varchar(64)  not null,
    display_name    varchar(100) not null,
    phone           varchar(20),
    password_hash   varchar(200) not null,
    active          boolean      not null default true,
    all_sites       boolean      not null default false,
    version         bigint       not null default 0,
    created_at      timestamptz  not null,
    created_by      varchar(64)  not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(64)  not null,
    constraint uk_staff_username unique (username)
);

create table staff_role (
    staff_id        bigint      not null references staff (id) on delete cascade,
    role            varchar(20) not null,
    primary key (staff_id, role)
);

create table staff_site (
    staff_id        bigint not null references staff (id) on delete cascade,
    site_id         bigint not null references site (id),
    primary key (staff_id, site_id)
);
