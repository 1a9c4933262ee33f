-- Callbacks (回访) after a request is resolved, and the owner's rating of a request.

-- When a callback is due and how hard to try; the row without a site is the company default.
create table callback_setting (
    id                   bigserial primary key,
    site_id              bigint      references site (id),
    repair_sample_percent integer    not null default 100 check (repair_sample_percent between 0 and 100),
    inquiry_callbacks    boolean     not null default false,
    due_business_hours   integer     not null default 24 check (due_business_hours between 1 and 720),
    max_failed_attempts  integer     not null default 3 check (max_failed_attempts between 1 and 10),
    auto_close_days      integer     not null default 7 check (auto_close_days between 1 and 90),
    version              bigint      not null default 0,
    created_at           timestamptz not null,
    created_by           varchar(64) not null,
    updated_at           timestamptz not null,
    updated_by           varchar(64) not null,
    constraint uk_callback_setting_site unique nulls not distinct (site_id)
);
insert into callback_setting (site_id, created_at, created_by, updated_at, updated_by)
values (null, now(), 'system', now(), 'system');

-- One callback per resolution of a request (a reopened request that is resolved again gets a new one).
create table callback (
    id                   bigserial primary key,
    request_id           bigint       not null references service_request (id),
    round                integer      not null,
    site_id              bigint       not null references site (id),
    status               varchar(20)  not null,
    due_at               timestamptz  not null,
    call_back_at         timestamptz,
    failed_attempts      integer      not null default 0,
    solved               boolean,
    satisfaction         varchar(20),
    comment              varchar(1000),
    closed_at            timestamptz,
    closed_by            varchar(64),
    closed_by_name       varchar(100),
    version              bigint       not null default 0,
    created_at           timestamptz  not null,
    created_by           varchar(64)  not null,
    updated_at           timestamptz  not null,
    updated_by           varchar(64)  not null,
    constraint uk_callback_request_round unique (request_id, round)
);
create index ix_callback_due on callback (site_id, due_at) where status = 'DUE';
create index ix_callback_closed on callback (site_id, closed_at) where status <> 'DUE';

create table callback_attempt (
    id                   bigserial primary key,
    callback_id          bigint       not null references callback (id) on delete cascade,
    at                   timestamptz  not null,
    by_username          varchar(64)  not null,
    by_name              varchar(100) not null,
    outcome              varchar(20)  not null,
    call_back_at         timestamptz,
    note                 varchar(500)
);
create index ix_callback_attempt_callback on callback_attempt (callback_id);

-- The owner's rating of a request: once, from the portal, a signed link, or recorded by staff on a callback.
create table request_rating (
    id                   bigserial primary key,
    request_id           bigint        not null references service_request (id),
    site_id              bigint        not null references site (id),
    overall              integer       not null check (overall between 1 and 5),
    speed                integer       check (speed between 1 and 5),
    attitude             integer       check (attitude between 1 and 5),
    quality              integer       check (quality between 1 and 5),
    comment              varchar(1000),
    channel              varchar(20)   not null,
    rated_at             timestamptz   not null,
    recorded_by          varchar(64)   not null,
    constraint uk_request_rating_request unique (request_id)
);
create index ix_request_rating_site on request_rating (site_id, rated_at);

-- Requests resolved long ago without a callback close by themselves.
create index ix_service_request_resolved on service_request (resolved_at) where status = 'RESOLVED';
