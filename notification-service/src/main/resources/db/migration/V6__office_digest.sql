-- The daily digest of an integrity office that chose one instead of immediate mail: one row per
-- organisation and day (so two instances never send it twice), covering the alerts raised from the
-- previous digest's end up to this one's.
create table office_digest (
    organisation varchar(20) not null,
    digest_date  date        not null,
    period_start timestamptz not null,
    period_end   timestamptz not null,
    alerts       int         not null,
    delivery_id  uuid,                    -- null: no new alerts, nothing sent
    created_at   timestamptz not null,
    primary key (organisation, digest_date)
);
create index alert_organisation_raised on alert (organisation, raised_at);
