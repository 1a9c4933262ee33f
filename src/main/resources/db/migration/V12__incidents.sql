-- Incidents (应急事件): a water or power cut, a flood, a lift with someone trapped, declared for a site or some of its
-- buildings. While active, calls about it are linked to it instead of becoming separate work.

create table incident (
    id                   bigserial primary key,
    site_id              bigint        not null references site (id),
    kind                 varchar(30)   not null,
    severity             varchar(20)   not null,
    title                varchar(200)  not null,
    description          varchar(2000),
    status               varchar(20)   not null,
    declared_at          timestamptz   not null,
    declared_by_name     varchar(100)  not null,
    expected_restore_at  timestamptz,
    resolved_at          timestamptz,
    resolved_by_name     varchar(100),
    resolution_note      varchar(2000),
    notice_id            bigint        references notice (id),
    version              bigint        not null default 0,
    created_at           timestamptz   not null,
    created_by           varchar(64)   not null,
    updated_at           timestamptz   not null,
    updated_by           varchar(64)   not null,
    constraint ck_incident_resolved check ((status = 'RESOLVED') = (resolved_at is not null))
);
-- The list and the dashboard: per site, newest first; intake looks up the active ones of a site.
create index ix_incident_site_declared on incident (site_id, declared_at desc);
create index ix_incident_active on incident (site_id) where status = 'ACTIVE';

-- No rows: the whole site is affected.
create table incident_building (
    incident_id          bigint not null references incident (id) on delete cascade,
    building_id          bigint not null references building (id),
    primary key (incident_id, building_id)
);
create index ix_incident_building_building on incident_building (building_id);

-- The incident's own timeline: declared, updates, resolved.
create table incident_update (
    id                   bigserial primary key,
    incident_id          bigint        not null references incident (id) on delete cascade,
    at                   timestamptz   not null,
    type                 varchar(20)   not null,
    author_name          varchar(100)  not null,
    note                 varchar(2000)
);
create index ix_incident_update_incident on incident_update (incident_id, at, id);

-- A request belongs to at most one incident.
create table incident_request (
    incident_id          bigint        not null references incident (id) on delete cascade,
    request_id           bigint        not null references service_request (id),
    linked_at            timestamptz   not null,
    linked_by            varchar(64)   not null,
    primary key (incident_id, request_id),
    constraint uk_incident_request_request unique (request_id)
);

-- Notices can address only some buildings of their sites; no rows: every household of the sites.
create table notice_building (
    notice_id            bigint not null references notice (id) on delete cascade,
    building_id          bigint not null references building (id),
    primary key (notice_id, building_id)
);
create index ix_notice_building_building on notice_building (building_id);
