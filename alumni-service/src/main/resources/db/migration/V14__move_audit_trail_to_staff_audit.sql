-- The audit trail of staff access to personal data, in the shape every service shares
-- (platform-support's StaffAudit writes and reads it): who, in which role, what, about which
-- subject, in which organisation, why, and under which request id. Append-only, whatever the
-- application does.
create table staff_audit (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(100) not null,
    actor_id     varchar(100) not null,
    actor_role   varchar(40)  not null,
    organisation varchar(20)  not null,
    action       varchar(40)  not null,
    subject_type varchar(40)  not null,
    subject_id   uuid         not null,
    purpose      varchar(40),
    detail       varchar(200),
    request_id   varchar(100)
);
create index staff_audit_subject on staff_audit (subject_type, subject_id, id);

-- The trail so far, in its order; audit_entry and its guard go.
insert into staff_audit (occurred_at, actor, actor_id, actor_role, organisation, action, subject_type, subject_id,
                         purpose, request_id)
select occurred_at, actor, actor_id, actor_role, organisation, action, 'alumnus', alumnus_id, purpose, request_id
from audit_entry order by id;
drop table audit_entry;
drop function audit_entry_is_append_only();

create function staff_audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'staff_audit is append-only';
end;
$$;
create trigger staff_audit_no_change before update or delete on staff_audit
    for each row execute function staff_audit_is_append_only();
