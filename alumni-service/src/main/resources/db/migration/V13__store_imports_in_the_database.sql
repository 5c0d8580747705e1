-- The upload of a bulk import lives in the database, where every instance can read it, in parts of
-- up to 1 MB; they are deleted when the import completes or fails.
create table departure_import_part (
    import_id uuid    not null references departure_import (id),
    part      integer not null,
    data      bytea   not null,
    primary key (import_id, part)
);

-- The instance that runs an import holds a lease on it, renewed with every chunk it commits. An
-- import whose lease expired was abandoned (its instance died) and is taken over by another
-- instance, which goes on after the rows committed so far.
alter table departure_import add column lease_owner varchar(200);
alter table departure_import add column lease_until timestamptz;
create index departure_import_unfinished on departure_import (lease_until) where status in ('RECEIVED', 'RUNNING');
