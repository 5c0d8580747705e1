-- Webhook subscriptions of external systems, maintained by an organisation's integrity administrators.
create table webhook_subscription (
    id              uuid          primary key,
    organisation    varchar(20)   not null,
    url             varchar(2000) not null,
    event_types     jsonb         not null,  -- CloudEvents types, or ["*"] for every type
    secret          varchar(100)  not null,  -- whsec_<base64>, Standard Webhooks
    description     varchar(500),
    enabled         boolean       not null,
    disabled_reason varchar(500),
    failing_since   timestamptz,
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    version         bigint        not null default 0
);
create index webhook_subscription_organisation on webhook_subscription (organisation) where enabled;

-- The delivery log: every message to every recipient, with its attempts. One per event, channel and
-- recipient, so a redelivered event never sends twice.
create table delivery (
    id               uuid          primary key,
    channel          varchar(20)   not null,  -- WEBHOOK (E-MAIL follows)
    organisation     varchar(20)   not null,
    subscription_id  uuid          references webhook_subscription (id),
    recipient        varchar(2000) not null,
    event_id         uuid          not null,
    event_type       varchar(200)  not null,
    payload          text          not null,
    status           varchar(20)   not null,  -- PENDING | SENT | FAILED (will retry) | DEAD
    attempts         int           not null,
    next_attempt_at  timestamptz,
    last_error       varchar(1000),
    last_status_code int,
    created_at       timestamptz   not null,
    sent_at          timestamptz,
    constraint delivery_once unique nulls not distinct (event_id, channel, recipient, subscription_id)
);
-- The dispatcher's work: due deliveries in order.
create index delivery_due on delivery (next_attempt_at) where status in ('PENDING', 'FAILED');
create index delivery_log on delivery (organisation, created_at desc, id);
create index delivery_subscription on delivery (subscription_id, status);
