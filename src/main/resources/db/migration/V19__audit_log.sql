-- What staff did and which personal data they read: who, what, when, from where. Append-only: the app has no way to
-- change or remove an entry, and the database refuses it too, so a mistake in code cannot rewrite history.
create table audit_log (
    id          bigserial     primary key,
    at          timestamptz   not null,
    username    varchar(64)   not null,
    method      varchar(10)   not null,
    path        varchar(500)  not null,
    query       varchar(500),
    action      varchar(200)  not null,
    status      integer       not null,
    remote_addr varchar(64)   not null
);
create index ix_audit_log_at on audit_log (at desc, id desc);
create index ix_audit_log_username_at on audit_log (username, at desc);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end
$$;
create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
