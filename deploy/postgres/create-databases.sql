-- One database and one role per service (no cross-service queries), plus a *_test database
-- each for the services' own tests. Idempotent: run by deploy/local/platform on every 'up', and
-- by the postgres image's docker-entrypoint-initdb.d in docker-compose.yml.
-- The roles' passwords equal their names: for local and demo use only.
select format('create role %I login password %L', r, r) from unnest(array['alumni', 'declaration', 'notification']) r
 where not exists (select from pg_roles where rolname = r)\gexec

select format('create database %I owner %I', d.name, d.owner)
  from (values ('alumni', 'alumni'), ('declaration', 'declaration'), ('notification', 'notification'),
               ('alumni_test', 'alumni'), ('declaration_test', 'declaration'), ('notification_test', 'notification'))
       as d(name, owner)
 where not exists (select from pg_database where datname = d.name)\gexec
