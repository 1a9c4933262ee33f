-- Service requests: inquiry, repair and complaint, timed against SLA targets.

create table request_category (
    id                  bigserial primary key,
    code                varchar(40)  not null,
    parent_id           bigint       references request_category (id),
    name_zh             varchar(100) not null,
    name_en             varchar(100) not null,
    default_priority    varchar(20)  not null,
    skill               varchar(40),
    special_service     boolean      not null default false,
    active              boolean      not null default true,
    sort_order          integer      not null default 0,
    version             bigint       not null default 0,
    created_at          timestamptz  not null default now(),
    created_by          varchar(64)  not null default 'system',
    updated_at          timestamptz  not null default now(),
    updated_by          varchar(64)  not null default 'system',
    constraint uk_request_category_code unique (code)
);

insert into request_category (code, name_zh, name_en, default_priority, skill, special_service, sort_order) values
    ('PLUMBING',   '水管/给排水', 'Plumbing',                 'NORMAL', 'PLUMBING',   true,  10),
    ('ELECTRICAL', '电路/电器',   'Electrical',               'NORMAL', 'ELECTRICAL', true,  20),
    ('ELEVATOR',   '电梯',        'Elevator',                 'URGENT', 'ELEVATOR',   false, 30),
    ('DOOR_LOCK',  '门窗/门锁',   'Doors and locks',          'NORMAL', 'CARPENTRY',  true,  40),
    ('WATER_LEAK', '漏水/渗水',   'Water leak',               'URGENT', 'PLUMBING',   false, 50),
    ('CLEANING',   '公共区域保洁', 'Public-area cleaning',     'LOW',    'CLEANING',   false, 60),
    ('GREENING',   '绿化',        'Greening',                 'LOW',    'GREENING',   false, 70),
    ('SECURITY',   '安保/门岗',   'Security and gate',        'URGENT', 'SECURITY',   false, 80),
    ('NOISE',      '噪音',        'Noise',                    'NORMAL', null,         false, 90),
    ('PARKING',    '停车',        'Parking',                  'NORMAL', null,         false, 100),
    ('FEES',       '物业费用',    'Fees',                     'LOW',    null,         false, 110),
    ('DECORATION', '装修',        'Decoration',               'NORMAL', null,         false, 120),
    ('OTHER',      '其他',        'Other',                    'NORMAL', null,         false, 999);

insert into request_category (code, parent_id, name_zh, name_en, default_priority, skill, special_service, sort_order)
select c.code, p.id, c.name_zh, c.name_en, c.default_priority, c.skill, c.special_service, c.sort_order
from (values
    ('PLUMBING_BLOCKED_DRAIN', 'PLUMBING',   '下水道堵塞', 'Blocked drain',     'NORMAL', 'PLUMBING',   true,  11),
    ('PLUMBING_NO_WATER',      'PLUMBING',   '停水/无水',  'No water',          'URGENT', 'PLUMBING',   false, 12),
    ('ELECTRICAL_POWER_OUT',   'ELECTRICAL', '停电/跳闸',  'Power cut',         'URGENT', 'ELECTRICAL', false, 21),
    ('ELECTRICAL_LIGHTING',    'ELECTRICAL', '照明',       'Lighting',          'LOW',    'ELECTRICAL', false, 22),
    ('ELEVATOR_TRAPPED',       'ELEVATOR',   '电梯困人',   'Person trapped',    'EMERGENCY', 'ELEVATOR', false, 31)
) as c(code, parent_code, name_zh, name_en, default_priority, skill, special_service, sort_order)
join request_category p on p.code = c.parent_code;

-- Targets per kind and priority in minutes; a row with a site overrides the company-wide row (site_id null).
-- arrival_minutes only for repairs; business_hours says whether the clock runs only in the site's business hours.
create table sla_policy (
    id                  bigserial primary key,
    site_id             bigint       references site (id),
    kind                varchar(20)  not null,
    priority            varchar(20)  not null,
    response_minutes    integer      not null check (response_minutes > 0),
    arrival_minutes     integer      check (arrival_minutes > 0),
    arrival_next_business_day boolean not null default false,
    resolution_minutes  integer      not null check (resolution_minutes > 0),
    business_hours      boolean      not null,
    version             bigint       not null default 0,
    updated_at          timestamptz  not null default now(),
    updated_by          varchar(64)  not null default 'system'
);
create unique index uk_sla_policy on sla_policy (coalesce(site_id, 0), kind, priority);

insert into sla_policy (kind, priority, response_minutes, arrival_minutes, arrival_next_business_day, resolution_minutes, business_hours) values
    ('REPAIR',    'EMERGENCY', 5,    15,   false, 240,  false),
    ('REPAIR',    'URGENT',    15,   30,   false, 1440, true),
    ('REPAIR',    'NORMAL',    30,   120,  false, 2880, true),
    ('REPAIR',    'LOW',       120,  null, true,  7200, true),
    ('COMPLAINT', 'EMERGENCY', 60,   null, false, 1440, false),
    ('COMPLAINT', 'URGENT',    240,  null, false, 2880, false),
    ('COMPLAINT', 'NORMAL',    1440, null, false, 4320, false),
    ('COMPLAINT', 'LOW',       1440, null, false, 4320, false),
    ('INQUIRY',   'EMERGENCY', 15,   null, false, 240,  false),
    ('INQUIRY',   'URGENT',    60,   null, false, 480,  true),
    ('INQUIRY',   'NORMAL',    120,  null, false, 1440, true),
    ('INQUIRY',   'LOW',       120,  null, false, 1440, true);

-- A site's business hours per day of week (1 = Monday); days without a row are closed. Sites without any row use
-- the company default of 08:00-18:00 every day.
create table business_hours (
    id              bigserial primary key,
    site_id         bigint      not null references site (id),
    day_of_week     smallint    not null check (day_of_week between 1 and 7),
    opens_at        time        not null,
    closes_at       time        not null check (closes_at > opens_at),
    constraint uk_business_hours unique (site_id, day_of_week)
);

create table holiday (
    id              bigserial primary key,
    site_id         bigint      references site (id),
    day             date        not null,
    name            varchar(100) not null
);
create unique index uk_holiday on holiday (coalesce(site_id, 0), day);

create table request_number_counter (
    day             date    primary key,
    last_value      integer not null
);

create table service_request (
    id                      bigserial primary key,
    number                  varchar(20)   not null,
    kind                    varchar(20)   not null,
    category_id             bigint        not null references request_category (id),
    scope                   varchar(20)   not null,
    priority                varchar(20)   not null,
    priority_raised_reason  varchar(30),
    channel                 varchar(20)   not null,
    status                  varchar(20)   not null,
    status_before_hold      varchar(20),
    site_id                 bigint        not null references site (id),
    house_id                bigint        references house (id),
    customer_id             bigint        references customer (id),
    contact_phone           varchar(20),
    location_text           varchar(200),
    description             varchar(4000) not null,
    preferred_from          timestamptz,
    preferred_to            timestamptz,
    promised_at             timestamptz,
    promise_kept            boolean,
    owner_username          varchar(64),
    owner_name              varchar(100),
    received_at             timestamptz   not null,
    acknowledged_at         timestamptz,
    dispatched_at           timestamptz,
    arrived_at              timestamptz,
    resolved_at             timestamptz,
    closed_at               timestamptz,
    cancelled_at            timestamptz,
    cancel_reason           varchar(500),
    held_at                 timestamptz,
    held_seconds            bigint        not null default 0,
    hold_reason             varchar(500),
    due_acknowledge_at      timestamptz   not null,
    due_arrival_at          timestamptz,
    due_resolve_at          timestamptz   not null,
    risk_acknowledge_at     timestamptz   not null,
    risk_arrival_at         timestamptz,
    risk_resolve_at         timestamptz   not null,
    first_contact_resolution boolean      not null default false,
    follow_ups              integer       not null default 0,
    reopen_count            integer       not null default 0,
    repeat_of_id            bigint        references service_request (id),
    callback_done_at        timestamptz,
    version                 bigint        not null default 0,
    created_at              timestamptz   not null,
    created_by              varchar(64)   not null,
    updated_at              timestamptz   not null,
    updated_by              varchar(64)   not null,
    constraint uk_service_request_number unique (number)
);
create index ix_request_site_status on service_request (site_id, status);
create index ix_request_status_due on service_request (status, due_resolve_at);
create index ix_request_open_due_ack on service_request (due_acknowledge_at) where acknowledged_at is null and status not in ('CANCELLED', 'CLOSED', 'RESOLVED');
create index ix_request_customer on service_request (customer_id, received_at desc);
create index ix_request_house on service_request (house_id, received_at desc);
create index ix_request_owner on service_request (owner_username, status);
create index ix_request_received on service_request (received_at);

create table request_event (
    id              bigserial primary key,
    request_id      bigint        not null references service_request (id),
    at              timestamptz   not null,
    type            varchar(40)   not null,
    actor           varchar(100)  not null,
    note            varchar(2000),
    internal        boolean       not null default false
);
create index ix_request_event_request on request_event (request_id, at, id);

create table request_attachment (
    id              bigserial primary key,
    request_id      bigint        not null references service_request (id),
    file_name       varchar(200)  not null,
    content_type    varchar(100)  not null,
    size_bytes      bigint        not null,
    storage_key     varchar(200)  not null,
    uploaded_at     timestamptz   not null,
    uploaded_by     varchar(64)   not null
);
create index ix_request_attachment_request on request_attachment (request_id);

create table reply_template (
    id              bigserial primary key,
    category_id     bigint        references request_category (id),
    title           varchar(100)  not null,
    body            varchar(2000) not null,
    language        varchar(10)   not null default 'zh-CN',
    active          boolean       not null default true,
    version         bigint        not null default 0,
    created_at      timestamptz   not null default now(),
    created_by      varchar(64)   not null default 'system',
    updated_at      timestamptz   not null default now(),
    updated_by      varchar(64)   not null default 'system'
);

-- One row per escalation step of a breached target; the unique key makes each step happen once, whichever app
-- instance gets there first.
create table sla_escalation (
    id              bigserial primary key,
    request_id      bigint        not null references service_request (id),
    target          varchar(20)   not null,
    level           smallint      not null,
    escalated_at    timestamptz   not null,
    constraint uk_sla_escalation unique (request_id, target, level)
);

create table notification (
    id              bigserial primary key,
    recipient       varchar(64)   not null,
    created_at      timestamptz   not null,
    kind            varchar(30)   not null,
    message_key     varchar(100)  not null,
    arguments       varchar(500),
    link            varchar(200),
    read_at         timestamptz
);
create index ix_notification_recipient on notification (recipient, read_at, created_at desc);
