-- Append-only audit trail of staff access to personal data: who, what, when, why.
create table audit_entry (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(100) not null,
    actor_id     varchar(100) not null,
    actor_role   varchar(40)  not null,
    organisation varchar(20)  not null,
    action       varchar(40)  not null,
    alumnus_id   uuid         not null,
    purpose      varchar(40)  not null,
    request_id   varchar(100)
);
create index audit_entry_alumnus on audit_entry (alumnus_id, occurred_at);

-- Append-only means append-only, whatever the application does.
create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
