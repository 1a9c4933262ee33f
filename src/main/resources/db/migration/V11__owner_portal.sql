-- The owner portal (业主端): owners' and tenants' accounts, the codes that activate them, notices to sites, and
-- report points whose QR codes let anyone report a problem without an account.

-- One account per customer; it gives access to the houses the customer currently occupies.
create table owner_account (
    id                   bigserial primary key,
    customer_id          bigint       not null references customer (id),
    username             varchar(64)  not null,
    password_hash        varchar(200) not null,
    active               boolean      not null default true,
    activated_at         timestamptz  not null,
    password_changed_at  timestamptz  not null,
    version              bigint       not null default 0,
    constraint uk_owner_account_customer unique (customer_id),
    constraint uk_owner_account_username unique (username)
);

-- A code the front desk hands a customer to activate an account or set a new password. Only its hash is kept; it
-- works once, until it expires, for the phone number it was issued to, and a few wrong tries revoke it.
create table activation_code (
    id                   bigserial primary key,
    customer_id          bigint       not null references customer (id),
    phone                varchar(20)  not null,
    code_hash            varchar(100) not null,
    purpose              varchar(20)  not null,
    issued_at            timestamptz  not null,
    issued_by            varchar(64)  not null,
    expires_at           timestamptz  not null,
    used_at              timestamptz,
    revoked_at           timestamptz,
    failed_attempts      integer      not null default 0
);
create index ix_activation_code_phone on activation_code (phone, issued_at desc) where used_at is null and revoked_at is null;
create index ix_activation_code_customer on activation_code (customer_id, issued_at desc);

-- Attempts at public forms (activation, reports without an account), counted per phone number and per address
-- over a window; shared by every app instance.
create table public_attempt (
    id                   bigserial primary key,
    form                 varchar(30)  not null,
    attempt_key          varchar(100) not null,
    at                   timestamptz  not null
);
create index ix_public_attempt on public_attempt (form, attempt_key, at);

-- Notices (通知/公告) managers publish to one or more sites.
create table notice (
    id                   bigserial primary key,
    title                varchar(200)  not null,
    body                 varchar(5000) not null,
    urgent               boolean       not null default false,
    valid_from           timestamptz   not null,
    valid_until          timestamptz,
    published_by_name    varchar(100)  not null,
    withdrawn_at         timestamptz,
    version              bigint        not null default 0,
    created_at           timestamptz   not null,
    created_by           varchar(64)   not null,
    updated_at           timestamptz   not null,
    updated_by           varchar(64)   not null,
    constraint ck_notice_validity check (valid_until is null or valid_until > valid_from)
);
create index ix_notice_valid on notice (valid_from desc) where withdrawn_at is null;

create table notice_site (
    notice_id            bigint not null references notice (id) on delete cascade,
    site_id              bigint not null references site (id),
    primary key (notice_id, site_id)
);
create index ix_notice_site_site on notice_site (site_id);

create table notice_read (
    notice_id            bigint      not null references notice (id) on delete cascade,
    customer_id          bigint      not null references customer (id),
    read_at              timestamptz not null,
    primary key (notice_id, customer_id)
);

-- A place with a printed QR code (a building's entrance, a lift, the car park) where anyone can report a problem.
create table report_point (
    id                   bigserial primary key,
    site_id              bigint       not null references site (id),
    building_id          bigint       references building (id),
    name                 varchar(100) not null,
    token                varchar(40)  not null,
    active               boolean      not null default true,
    version              bigint       not null default 0,
    created_at           timestamptz  not null,
    created_by           varchar(64)  not null,
    updated_at           timestamptz  not null,
    updated_by           varchar(64)  not null,
    constraint uk_report_point_token unique (token)
);
create index ix_report_point_site on report_point (site_id);

-- A report from a QR code is unverified until the front desk has confirmed it with the caller.
alter table service_request add column unverified boolean not null default false;
alter table service_request add column report_point_id bigint references report_point (id);
create index ix_request_unverified on service_request (site_id, received_at) where unverified;
