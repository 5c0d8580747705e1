-- Alerts are read by Dutch offices: each gets its summary in Dutch too. summary stays the English
-- text (API clients, webhooks); alerts raised before this have none and are shown in English.
alter table alert add column summary_nl varchar(500);
