-- Shared by every service database (quarkus.flyway.locations=db/migration,db/platform).
-- Versions 0.x are reserved for this file set so they never collide with a service's own V1, V2, ...

-- The transactional outbox: rows written with the state change, published by OutboxRelay.
create table outbox_message (
    position     bigint generated always as identity primary key,
    event_id     uuid         not null unique,
    topic        varchar(100) not null,
    aggregate_id varchar(100) not null,
    event_type   varchar(200) not null,
    subject      varchar(200) not null,
    payload      text         not null,
    occurred_at  timestamptz  not null,
    published_at timestamptz,
    attempts     integer      not null default 0
);
-- The relay only ever looks for unpublished rows, in order.
create index outbox_message_unpublished on outbox_message (position) where published_at is null;

-- The processed-events inbox: one row per (consumer, event id) already handled.
create table processed_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
