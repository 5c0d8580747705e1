-- Exit interviews are scheduled before they are held; a held one records the topics of the
-- checklist that were discussed and a summary agreed with the leaver (which they see and
-- acknowledge), apart from the officer's own notes.
alter table exit_interview add column status varchar(16) not null default 'HELD';
alter table exit_interview add column scheduled_for date;
alter table exit_interview add column topics jsonb not null default '[]';
alter table exit_interview add column summary text;
alter table exit_interview alter column held_on drop not null;
alter table exit_interview alter column status drop default;
alter table exit_interview add constraint exit_interview_held_has_date check (status <> 'HELD' or held_on is not null);
