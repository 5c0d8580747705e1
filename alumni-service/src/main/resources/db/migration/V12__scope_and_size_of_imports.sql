-- An integrity administrator may import the existing alumni of their own organisation (the HR
-- system imports for any): the organisation an import is limited to, null for the HR system.
-- rows_total is counted before the rows are imported, so progress can be shown as a share.
alter table departure_import add column organisation varchar(20);
alter table departure_import add column rows_total integer;
create index departure_import_recent on departure_import (submitted_at desc);
