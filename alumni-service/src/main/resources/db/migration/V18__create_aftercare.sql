-- Aftercare after a forced departure (a disciplinary investigation or dismissal, a
-- reorganisation): contact moments at set intervals after the departure date. Each is announced
-- to the office when it falls due and again when it was missed; the officer records how it went.
create table aftercare_contact (
    id                   uuid primary key,
    alumnus_id           uuid         not null references alumnus (id),
    organisation         varchar(16)  not null,
    sequence             int          not null,
    due_on               date         not null,
    status               varchar(16)  not null,
    due_announced_on     date,
    overdue_announced_on date,
    done_on              date,
    outcome              varchar(20),
    notes                text,
    recorded_by          varchar(100),
    recorded_at          timestamptz,
    planned_by           varchar(100) not null,
    version              bigint       not null default 0,
    unique (alumnus_id, sequence)
);
create index aftercare_contact_open on aftercare_contact (due_on) where status = 'PLANNED';
