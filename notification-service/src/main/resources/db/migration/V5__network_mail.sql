-- Alumni-network mail rests on consent: the newest consent of each alumnus, from
-- network-consent-changed on alumni.events (newest changed_at wins).
alter table alumnus_contact
    add column network_consent boolean not null default false,
    add column consent_changed_at timestamptz;
create index alumnus_contact_network on alumnus_contact (organisation) where network_consent and not anonymised;

-- A mailing to the alumni network of an organisation (newsletter, invitation). Each recipient is a
-- delivery (channel EMAIL, event_id = the mailing's id), so the delivery log shows every one.
create table network_mailing (
    id         uuid          primary key,
    organisation varchar(20) not null,
    subject_nl varchar(200)  not null,
    text_nl    text          not null,
    subject_en varchar(200),
    text_en    text,
    recipients int           not null,
    created_by varchar(100)  not null,
    created_at timestamptz   not null
);
create index network_mailing_organisation on network_mailing (organisation, created_at desc);
