-- Alerts: things an organisation's integrity office must look at.
create table alert (
    id              uuid primary key,
    organisation    varchar(20)  not null,
    kind            varchar(40)  not null,
    status          varchar(20)  not null,
    summary         varchar(500) not null,
    declaration_id  uuid,
    alumnus_id      uuid,
    source_event_id uuid         not null,
    raised_at       timestamptz  not null,
    version         bigint       not null default 0,
    -- One alert per event and kind, whatever the redelivery: a second guard besides the inbox.
    constraint alert_source_event_unique unique (source_event_id, kind)
);
create index alert_inbox on alert (organisation, status, raised_at desc);
