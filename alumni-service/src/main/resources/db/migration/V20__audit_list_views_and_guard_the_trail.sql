-- Staff looking at lists (search results, queue pages, alert inboxes) are accounted for in one row per
-- page: subject_ids names every record the page showed, subject_id stays empty. The GIN index answers
-- "which lists showed this person" for the person's own access log.
alter table staff_audit alter column subject_id drop not null,
    add column subject_ids uuid[],
    add constraint staff_audit_names_a_subject check (subject_id is not null or subject_ids is not null);
create index staff_audit_listed on staff_audit using gin (subject_ids) where subject_ids is not null;
create index staff_audit_organisation on staff_audit (organisation, id);

-- The trail is append-only: no update, no truncate, and no delete but of entries older than the trail's
-- retention (5 years), which the platform's pruning removes. Shortening it takes a migration, on purpose.
create or replace function staff_audit_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.occurred_at < now() - interval '5 years' then
        return old;
    end if;
    raise exception 'staff_audit is append-only';
end;
$$;
create function staff_audit_is_never_emptied() returns trigger language plpgsql as $$
begin
    raise exception 'staff_audit is append-only';
end;
$$;
create trigger staff_audit_no_truncate before truncate on staff_audit
    for each statement execute function staff_audit_is_never_emptied();
