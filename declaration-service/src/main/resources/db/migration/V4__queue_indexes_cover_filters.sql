-- Measured at two million declarations (bench/declarations): counting an office's open declarations with
-- an extra filter (risk, assignee, lateness) visited a heap row per match. The queue indexes now carry
-- those columns, so counts and filters are answered from the index, and sorting by submission has one too.
drop index declaration_queue_open_due;
drop index declaration_queue_open_risk;
create index declaration_queue_open_due on declaration (organisation, in_review, due_date, id)
    include (risk_level, assignee, late);
create index declaration_queue_open_risk on declaration (organisation, in_review, risk_rank desc, due_date, id)
    include (risk_level, assignee, late);
create index declaration_queue_open_submitted on declaration (organisation, in_review, submitted_at, id)
    include (risk_level, assignee, late);
