-- A later platform-support migration: in a database whose service migrations are further along
-- (V12, say), Flyway applies it out of order (quarkus.flyway.out-of-order in each service).

-- Scheduled work that must happen once per period across every instance (ScheduledRuns): one row
-- per job and period, finished when the work is done. A run whose instance died stays unfinished
-- and is run again by another instance.
create table scheduled_run (
    job         varchar(100) not null,
    period      timestamptz  not null,
    instance    varchar(200) not null,
    attempts    integer      not null,
    started_at  timestamptz  not null,
    finished_at timestamptz,
    outcome     varchar(500),
    primary key (job, period)
);
create index scheduled_run_unfinished on scheduled_run (period) where finished_at is null;

-- Published outbox rows and processed-event rows are pruned after their retention (OutboxPruning,
-- InboxPruning), in small batches found through these indexes.
create index outbox_message_published on outbox_message (published_at) where published_at is not null;
create index processed_event_processed_at on processed_event (processed_at);
