-- The alert inbox as a workflow: new -> acknowledged -> resolved, assignable to an officer, with the
-- facts an office filters on (risk level, due date) copied from the event that raised it.
alter table alert
    add column assignee        varchar(100),
    add column risk_level      varchar(20),
    add column due_date        date,
    add column acknowledged_at timestamptz,
    add column acknowledged_by varchar(100),
    add column resolved_at     timestamptz,
    add column resolved_by     varchar(100),
    add column resolution      varchar(1000);
drop index alert_inbox;
-- The inbox: an office's alerts by status, newest first (the default), or by kind or assignee.
create index alert_inbox on alert (organisation, status, raised_at desc, id);
create index alert_inbox_kind on alert (organisation, kind, raised_at desc, id);
create index alert_inbox_assignee on alert (organisation, assignee, raised_at desc, id);
create index alert_declaration on alert (declaration_id);
