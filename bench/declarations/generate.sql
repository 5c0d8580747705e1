-- Declarations at scale for the review-queue benchmark: :n declarations of 200,000 alumni, two
-- organisations (65% POLITIE), most of them long decided, about 5% still owed a decision.
-- Risk, assignee, sector and lateness are drawn independently (hashes of the row number), so that no
-- filter combination is cheaper or dearer than in real data by accident of the generator.
-- Run as the declaration role on the bench database; run.sh passes -v n=...
\set ON_ERROR_STOP on
set synchronous_commit = off;

insert into known_alumnus (alumnus_id, organisation, personnel_number, full_name, departure_date, departure_reason,
                           status, unit, last_function, record_version, window_start, window_end,
                           window_function_code, window_risk_level, window_version, anonymised, updated_at)
select md5('alumnus' || i)::uuid,
       case when i % 20 < 13 then 'POLITIE' else 'KMAR' end,
       'B' || lpad(i::text, 8, '0'), 'Bench Alumnus ' || i, date '2024-01-01' + (i % 900),
       (array['VOLUNTARY','RETIREMENT','REORGANISATION','END_OF_CONTRACT','DISCIPLINARY_DISMISSAL','OTHER_DISMISSAL'])[1 + i % 6],
       'DEPARTED', 'Eenheid ' || (i % 40), 'BENCH-' || (i % 7), 0,
       date '2024-01-01' + (i % 900), date '2024-01-01' + (i % 900) + 540, 'BENCH-' || (i % 7),
       (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + i % 4], 0, false, now()
from generate_series(1, 200000) as i;

insert into declaration (id, alumnus_id, organisation, employer_name, kvk_number, country, sector, role, duties,
                         start_date, paid, hours_per_week, self_employed, expects_contact, uses_knowledge, kind,
                         status, current_version, created_at, submitted_at, late, risk_level, risk_rank,
                         function_group, assignee, due_date, outcome, decided_at, version)
select md5('declaration' || i)::uuid,
       md5('alumnus' || (1 + i % 200000))::uuid,
       case when (1 + i % 200000) % 20 < 13 then 'POLITIE' else 'KMAR' end,
       'Employer ' || (i % 5000) || ' BV', lpad((10000000 + i % 89999999)::text, 8, '0'), 'NL',
       (array['ICT','CYBER_SECURITY','PRIVATE_INVESTIGATION','PRIVATE_SECURITY','LEGAL_SERVICES','FINANCIAL_SERVICES',
              'TELECOM','DEFENCE_INDUSTRY','AVIATION','TRANSPORT_LOGISTICS','PUBLIC_ADMINISTRATION','CONSULTANCY',
              'HOSPITALITY','OTHER'])[1 + abs(hashtext('s' || i)) % 14],
       'Role ' || (i % 300), 'Duties of declaration ' || i,
       submitted::date + 30, true, 8 + i % 33, i % 9 = 0, i % 5 = 0, i % 7 = 0,
       case when i % 10 = 0 then 'SPECULATIVE' else 'FIRM' end,
       status, 1 + i % 3, submitted, submitted, abs(hashtext('l' || i)) % 25 = 0,
       (array['LOW','MEDIUM','HIGH','CRITICAL'])[1 + risk], risk::smallint,
       (array['INVESTIGATION','ICT','INTELLIGENCE','OPERATIONAL','BORDER_SECURITY','LEADERSHIP','SUPPORT'])[1 + i % 7],
       case when status in ('UNDER_REVIEW', 'INFORMATION_REQUESTED', 'AWAITING_CONFIRMATION', 'DECIDED')
            then 'officer.' || (abs(hashtext('a' || i)) % 12) end,
       submitted::date + 42,
       case when status = 'DECIDED' then (array['NO_OBJECTION','ALLOWED_WITH_CONDITIONS','OBJECTION'])[1 + i % 3] end,
       case when status = 'DECIDED' then submitted + interval '20 days' end,
       0
from (
    select i, abs(hashtext('r' || i)) % 4 as risk,
           timestamptz '2021-01-01' + (i::double precision / :n) * (now() - timestamptz '2021-01-01') as submitted,
           case when i > :n * 0.95 then (array['SUBMITTED','SUBMITTED','UNDER_REVIEW','UNDER_REVIEW','INFORMATION_REQUESTED',
                                               'AWAITING_CONFIRMATION'])[1 + i % 6]
                when i % 33 = 0 then 'WITHDRAWN'
                else 'DECIDED' end as status
    from generate_series(1, :n) as i
) as g;

vacuum analyze known_alumnus;
vacuum analyze declaration;
