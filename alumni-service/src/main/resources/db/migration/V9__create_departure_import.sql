-- Bulk imports of existing alumni from CSV: a job with its progress, and the rows it rejected.
create table departure_import (
    id                 uuid primary key,
    submitted_by       varchar(100) not null,
    submitted_at       timestamptz  not null,
    status             varchar(20)  not null,
    rows_read          integer      not null default 0,
    imported           integer      not null default 0,
    already_registered integer      not null default 0,
    rejected           integer      not null default 0,
    finished_at        timestamptz,
    failure            text
);

create table departure_import_error (
    id         bigint generated always as identity primary key,
    import_id  uuid         not null references departure_import (id),
    row_number integer      not null,
    field      varchar(60),
    message    varchar(500) not null
);
create index departure_import_error_import on departure_import_error (import_id, row_number);
