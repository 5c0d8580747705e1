-- Requests of an alumnus under the AVG/GDPR: correction of their record (art. 16, RECTIFICATION, naming the
-- part of the record that is wrong) and objection to a processing (art. 21, OBJECTION). The office of the
-- organisation answers each within a month of receipt (art. 12(3)): due_on. The answer (outcome and text) is
-- the alumnus' to read. When the record is anonymised the texts go; kind, field, dates and outcome stay
-- for the office's statistics.
create table data_subject_request (
    id           uuid primary key,
    alumnus_id   uuid         not null references alumnus (id),
    organisation varchar(16)  not null,
    kind         varchar(16)  not null check (kind in ('RECTIFICATION', 'OBJECTION')),
    field        varchar(24),
    text         text,
    submitted_at timestamptz  not null,
    due_on       date         not null,
    status       varchar(16)  not null check (status in ('OPEN', 'ANSWERED')),
    outcome      varchar(16),
    answer       text,
    answered_by  varchar(100),
    answered_at  timestamptz,
    version      bigint       not null default 0,
    check (kind <> 'RECTIFICATION' or field is not null),
    check (status <> 'ANSWERED' or (outcome is not null and answered_at is not null))
);
-- The office's list: the open requests of an organisation, the most urgent first.
create index data_subject_request_open on data_subject_request (organisation, due_on) where status = 'OPEN';
create index data_subject_request_alumnus on data_subject_request (alumnus_id, submitted_at);
