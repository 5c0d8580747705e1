-- Every change of what an assessment reads besides the declaration (the organisation's risk rules,
-- its function catalogue) is announced on the channel cache_invalidation when it commits, so that
-- every instance drops what it cached (nl.integrity.platform.cache.ChangeNotices). In the database,
-- so that no way of changing the rows (the API, an event, a script, a test's cleanup) can miss it.
create function announce_cache_invalidation() returns trigger language plpgsql as $$
begin
    perform pg_notify('cache_invalidation', tg_table_name);
    return null;
end
$$;

create trigger risk_rule_changed after insert or update or delete or truncate on risk_rule
    for each statement execute function announce_cache_invalidation();
create trigger known_function_profile_changed after insert or update or delete or truncate on known_function_profile
    for each statement execute function announce_cache_invalidation();
