-- Officer search over an organisation's alumni (p95 target: 50 ms at 1,000,000 alumni).
-- Every query is bound to one organisation, so every index leads with it.
--  * name: substring search through trigrams (pg_trgm, a trusted extension the owner may create);
--    listing by name walks alumnus_org_name in order and stops after one page.
--  * personnel number: the unique (organisation, personnel_number) index already serves it.
--  * status, function group, window active: selective enough combined with the ordered walk;
--    window end gets its own index for "active windows, ending soonest".
create extension if not exists pg_trgm;

alter table alumnus add column last_function_group varchar(30);

create index alumnus_name_trgm on alumnus using gin (full_name gin_trgm_ops);
create index alumnus_org_name on alumnus (organisation, full_name, id);
create index alumnus_org_departure on alumnus (organisation, departure_date desc, id);
create index alumnus_org_window_end on alumnus (organisation, window_end, id);
create index alumnus_org_group on alumnus (organisation, last_function_group, full_name, id);
