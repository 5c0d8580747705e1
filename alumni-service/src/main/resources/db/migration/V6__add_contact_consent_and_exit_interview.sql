-- Self-service contact details, alumni-network consent with its history, exit interviews.
alter table alumnus add column phone varchar(30);

-- Consent for the alumni network (newsletters, events, contact): separate from the legal
-- obligations, withdrawable at any time. Every change is a row; the newest one counts.
create table network_consent (
    id         bigint generated always as identity primary key,
    alumnus_id uuid        not null references alumnus (id),
    given      boolean     not null,
    changed_at timestamptz not null,
    channel    varchar(20) not null
);
create index network_consent_alumnus on network_consent (alumnus_id, id);

create table exit_interview (
    id                  uuid primary key,
    alumnus_id          uuid         not null references alumnus (id),
    held_on             date         not null,
    interviewer         varchar(200) not null,
    obligations_briefed boolean      not null,
    notes               text,
    recorded_by         varchar(100) not null,
    recorded_at         timestamptz  not null,
    acknowledged_at     timestamptz,
    version             bigint       not null default 0
);
create index exit_interview_alumnus on exit_interview (alumnus_id, held_on);
