-- ---------------------------------------------------------------- read model of the registry
-- Any alumni event may arrive first (partitions are ordered per alumnus, but a consumer can be
-- reset or an event replayed from the dead-letter topic): a row can start as a stub that knows
-- only its window. Snapshot fields follow record_version, window fields window_version; an
-- older version never overwrites a newer one.
alter table known_alumnus
    alter column personnel_number drop not null,
    alter column full_name drop not null,
    alter column departure_date drop not null,
    alter column departure_reason drop not null,
    alter column status drop not null,
    add column unit                 varchar(200),
    add column last_function        varchar(40),
    add column record_version       bigint      not null default -1,
    add column window_start         date,
    add column window_end           date,
    add column window_function_code varchar(40),
    add column window_risk_level    varchar(20),
    add column window_version       bigint      not null default -1,
    add column anonymised           boolean     not null default false,
    add column last_reminded_on     date;
create index known_alumnus_in_window on known_alumnus (window_end) where window_end is not null and not anonymised;

-- The organisations' function catalogues, fed by function-profile.events (the newest version wins).
create table known_function_profile (
    organisation       varchar(20)  not null,
    code               varchar(40)  not null,
    version            int          not null,
    title              varchar(200) not null,
    function_group     varchar(30)  not null,
    risk_level         varchar(20)  not null,
    cooling_off_months int          not null,
    sensitive_sectors  jsonb        not null,
    retired            boolean      not null,
    primary key (organisation, code)
);

-- ---------------------------------------------------------------- declarations
-- The declaration row holds the current version's content and the review state, so the review
-- queue reads one table; declaration_version keeps every version with its assessment.
alter table declaration
    alter column submitted_at drop not null,
    alter column start_date drop not null,
    add column kind                   varchar(20)   not null default 'FIRM',
    add column kvk_number             varchar(8),
    add column country                varchar(2)    not null default 'NL',
    add column duties                 varchar(4000) not null default '',
    add column paid                   boolean       not null default true,
    add column hours_per_week         int           not null default 0,
    add column self_employed          boolean       not null default false,
    add column expects_contact        boolean       not null default false,
    add column contact_details        varchar(2000),
    add column uses_knowledge         boolean       not null default false,
    add column knowledge_details      varchar(2000),
    add column current_version        int           not null default 1,
    add column created_at             timestamptz   not null default now(),
    add column late                   boolean       not null default false,
    add column risk_level             varchar(20),
    add column risk_rank              smallint,
    add column function_group         varchar(30),
    add column assignee               varchar(100),
    add column due_date               date,
    add column due_soon_announced     boolean       not null default false,
    add column overdue_announced      boolean       not null default false,
    add column outcome                varchar(30),
    add column decided_at             timestamptz,
    add column withdrawn_at           timestamptz;
alter table declaration alter column sector type varchar(40);
-- Sectors were free text in the first version; they are codes now (those of the function catalogue).
update declaration set sector = 'OTHER'
where sector not in ('ICT', 'CYBER_SECURITY', 'PRIVATE_INVESTIGATION', 'PRIVATE_SECURITY', 'LEGAL_SERVICES',
                     'FINANCIAL_SERVICES', 'TELECOM', 'DEFENCE_INDUSTRY', 'AVIATION', 'TRANSPORT_LOGISTICS',
                     'PUBLIC_ADMINISTRATION', 'CONSULTANCY', 'HOSPITALITY');
alter table declaration alter column kind drop default, alter column country drop default,
    alter column duties drop default, alter column paid drop default, alter column hours_per_week drop default;

-- The review queue: by default an office's open declarations (a decision is owed), by due date or by
-- risk. A stored flag rather than a partial index, so that plans with bound parameters use it too.
alter table declaration add column in_review boolean not null
    generated always as (status in ('SUBMITTED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED', 'AWAITING_CONFIRMATION')) stored;
create index declaration_queue_open_due on declaration (organisation, in_review, due_date, id);
create index declaration_queue_open_risk on declaration (organisation, in_review, risk_rank desc, due_date, id);
-- Queues filtered by one status (e.g. only those awaiting confirmation).
create index declaration_queue_status_due on declaration (organisation, status, due_date, id);
-- Deadline runs look at open declarations only.
create index declaration_open_due on declaration (due_date) where in_review;

create table declaration_version (
    declaration_id    uuid          not null references declaration (id),
    number            int           not null,
    kind              varchar(20)   not null,
    employer_name     varchar(200)  not null,
    kvk_number        varchar(8),
    country           varchar(2)    not null,
    sector            varchar(40)   not null,
    role              varchar(200)  not null,
    duties            varchar(4000) not null,
    start_date        date,
    paid              boolean       not null,
    hours_per_week    int           not null,
    self_employed     boolean       not null,
    expects_contact   boolean       not null,
    contact_details   varchar(2000),
    uses_knowledge    boolean       not null,
    knowledge_details varchar(2000),
    declared_at       timestamptz   not null,
    late              boolean       not null,
    risk_level        varchar(20),
    risk_reasons      jsonb,
    assessed_at       timestamptz,
    primary key (declaration_id, number)
);
insert into declaration_version (declaration_id, number, kind, employer_name, country, sector, role, duties, start_date,
                                 paid, hours_per_week, self_employed, expects_contact, uses_knowledge, declared_at, late)
select id, 1, kind, employer_name, country, sector, role, duties, start_date, paid, hours_per_week, self_employed,
       expects_contact, uses_knowledge, coalesce(submitted_at, created_at), late
from declaration;

-- ---------------------------------------------------------------- review
create table declaration_message (
    id             uuid          primary key,
    declaration_id uuid          not null references declaration (id),
    kind           varchar(20)   not null,  -- QUESTION (officer) | ANSWER (alumnus) | NOTE
    author         varchar(100)  not null,
    body           varchar(4000) not null,
    sent_at        timestamptz   not null
);
create index declaration_message_thread on declaration_message (declaration_id, sent_at);

create table decision (
    id             uuid          primary key,
    declaration_id uuid          not null references declaration (id),
    version_number int           not null,
    outcome        varchar(30)   not null,
    rationale      varchar(4000) not null,
    decided_by     varchar(100)  not null,
    decided_at     timestamptz   not null,
    confirmed_by   varchar(100),
    confirmed_at   timestamptz,
    status         varchar(20)   not null   -- PROPOSED | RETURNED | IN_FORCE | SUPERSEDED | WITHDRAWN
);
create index decision_declaration on decision (declaration_id, decided_at);

create table imposed_condition (
    id             uuid          primary key,
    decision_id    uuid          not null references decision (id),
    declaration_id uuid          not null references declaration (id),
    type           varchar(40)   not null,
    details        varchar(2000),
    starts_on      date          not null,
    ends_on        date          not null,
    status         varchar(20)   not null,  -- PROPOSED | ACTIVE | ENDED | VOID
    ended_on       date,
    end_reason     varchar(20)
);
create index imposed_condition_active_end on imposed_condition (ends_on) where status = 'ACTIVE';
create index imposed_condition_declaration on imposed_condition (declaration_id);

-- ---------------------------------------------------------------- risk rules, maintained by integrity-admin
create table risk_rule (
    id           uuid          primary key,
    organisation varchar(20)   not null,
    code         varchar(60)   not null,
    revision     int           not null,
    level        varchar(20)   not null,
    conditions   jsonb         not null,
    text_nl      varchar(1000) not null,
    text_en      varchar(1000) not null,
    enabled      boolean       not null,
    updated_at   timestamptz   not null,
    updated_by   varchar(100)  not null,
    constraint risk_rule_code_unique unique (organisation, code)
);

-- ---------------------------------------------------------------- audit: staff reads and decisions, append-only
create table declaration_audit (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(100) not null,
    actor_id       varchar(100) not null,
    organisation   varchar(20)  not null,
    action         varchar(40)  not null,
    declaration_id uuid         not null,
    detail         varchar(200),
    request_id     varchar(100)
);
create index declaration_audit_declaration on declaration_audit (declaration_id, occurred_at);
create function declaration_audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'declaration_audit is append-only';
end $$;
create trigger declaration_audit_append_only before update or delete on declaration_audit
    for each row execute function declaration_audit_is_append_only();
