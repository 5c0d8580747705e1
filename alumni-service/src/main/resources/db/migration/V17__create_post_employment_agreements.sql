-- Post-employment agreements. The library of agreement templates is maintained by the
-- administrators of each organisation; an office attaches agreements from it to a departure, the
-- leaver accepts them in the portal. An attached agreement keeps the words it was proposed with,
-- whatever later happens to its template.
create table agreement_template (
    id                     uuid primary key,
    organisation           varchar(16)  not null,
    code                   varchar(40)  not null,
    kind                   varchar(32)  not null,
    title_nl               varchar(200) not null,
    title_en               varchar(200) not null,
    text_nl                text         not null,
    text_en                text         not null,
    default_months         int          not null,
    revision               int          not null,
    retired_at             timestamptz,
    changed_by             varchar(100) not null,
    changed_at             timestamptz  not null,
    version                bigint       not null default 0,
    unique (organisation, code)
);

create table agreement (
    id                uuid primary key,
    alumnus_id        uuid         not null references alumnus (id),
    organisation      varchar(16)  not null,
    template_id       uuid         not null references agreement_template (id),
    template_revision int          not null,
    kind              varchar(32)  not null,
    code              varchar(40)  not null,
    title_nl          varchar(400) not null,
    title_en          varchar(400) not null,
    text_nl           text         not null,
    text_en           text         not null,
    sector            varchar(32),
    subject           varchar(200),
    starts_on         date         not null,
    ends_on           date         not null,
    status            varchar(16)  not null,
    proposed_by       varchar(100) not null,
    proposed_at       timestamptz  not null,
    accepted_at       timestamptz,
    withdrawn_by      varchar(100),
    withdrawn_at      timestamptz,
    version           bigint       not null default 0,
    check (ends_on > starts_on)
);
create index agreement_alumnus on agreement (alumnus_id, starts_on);

-- A starting library, which the administrators change to their own words.
insert into agreement_template (id, organisation, code, kind, title_nl, title_en, text_nl, text_en, default_months,
                                revision, changed_by, changed_at)
select gen_random_uuid(), o.organisation, t.code, t.kind, t.title_nl, t.title_en, t.text_nl, t.text_en, t.months, 1,
       'platform', now()
from (values ('POLITIE'), ('KMAR')) as o(organisation)
cross join (values
    ('SECTOR-AFKOEL', 'SECTOR_COOLING_OFF', 'Afkoelperiode voor de sector {sector}',
     'Cooling-off period for the sector {sector}',
     'U neemt in deze periode geen werkzaamheden aan in de sector {sector}, betaald of onbetaald, in '
     || 'loondienst of als zelfstandige, tenzij het integriteitsbureau daar vooraf toestemming voor geeft.',
     'During this period you take on no work in the sector {sector}, paid or unpaid, employed or '
     || 'self-employed, unless the integrity office agrees beforehand.', 12),
    ('GEEN-CONTACT', 'NO_CONTACT', 'Geen zakelijk contact met {subject}',
     'No business contact with {subject}',
     'U heeft in deze periode geen zakelijk contact met {subject}: u benadert er niemand voor opdrachten, '
     || 'informatie of invloed namens een nieuwe werkgever of opdrachtgever.',
     'During this period you have no business contact with {subject}: you approach no one there for '
     || 'assignments, information or influence on behalf of a new employer or client.', 12),
    ('KENNIS', 'KNOWLEDGE_RESTRICTION', 'Geen gebruik van kennis over {subject}',
     'No use of knowledge of {subject}',
     'U gebruikt in deze periode geen kennis over {subject} die u in uw functie heeft opgedaan, ook niet '
     || 'in geanonimiseerde of algemene vorm, voor een nieuwe werkgever of opdrachtgever.',
     'During this period you use no knowledge of {subject} gained in your function, not even in '
     || 'anonymised or general form, for a new employer or client.', 24)
) as t(code, kind, title_nl, title_en, text_nl, text_en, months);
