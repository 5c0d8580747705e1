-- What staff and systems do with personal data in this service (alert inbox pages, alert follow-up,
-- webhook subscriptions, mailings): the platform's staff_audit, as in the other services. One row per
-- action; a list page names every record it showed in subject_ids.
create table staff_audit (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(100) not null,
    actor_id     varchar(100) not null,
    actor_role   varchar(40)  not null,
    organisation varchar(20)  not null,
    action       varchar(40)  not null,
    subject_type varchar(40)  not null,
    subject_id   uuid,
    subject_ids  uuid[],
    purpose      varchar(40),
    detail       varchar(200),
    request_id   varchar(100),
    constraint staff_audit_names_a_subject check (subject_id is not null or subject_ids is not null)
);
create index staff_audit_subject on staff_audit (subject_type, subject_id, id);
create index staff_audit_listed on staff_audit using gin (subject_ids) where subject_ids is not null;
create index staff_audit_organisation on staff_audit (organisation, id);

-- Append-only: no update, no truncate, and no delete but of entries older than the trail's retention
-- (5 years), which the platform's pruning removes.
create function staff_audit_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.occurred_at < now() - interval '5 years' then
        return old;
    end if;
    raise exception 'staff_audit is append-only';
end;
$$;
create trigger staff_audit_no_change before update or delete on staff_audit
    for each row execute function staff_audit_is_append_only();
create function staff_audit_is_never_emptied() returns trigger language plpgsql as $$
begin
    raise exception 'staff_audit is append-only';
end;
$$;
create trigger staff_audit_no_truncate before truncate on staff_audit
    for each statement execute function staff_audit_is_never_emptied();
