-- The departure briefing: what a leaver must know about their obligations after leaving.
-- The general texts are maintained by administrators per organisation and language; every change
-- is a new revision, earlier ones stay as they were (what someone acknowledged can be shown).
create table briefing_text (
    id              uuid primary key,
    organisation    varchar(16)  not null,
    language        varchar(2)   not null,
    revision        int          not null,
    introduction    text         not null,
    what_to_declare text         not null,
    how_to_declare  text         not null,
    contact         text         not null,
    changed_by      varchar(100) not null,
    changed_at      timestamptz  not null,
    unique (organisation, language, revision)
);

-- One briefing per alumnus: issued when the departure is registered (or by an officer), then
-- acknowledged in the portal; a reminder follows on the departure date when it was not.
create table departure_briefing (
    alumnus_id        uuid        primary key references alumnus (id),
    organisation      varchar(16) not null,
    issued_at         timestamptz not null,
    issued_by         varchar(100) not null,
    acknowledged_at   timestamptz,
    acknowledged_text uuid references briefing_text (id),
    reminded_on       date,
    version           bigint      not null default 0
);
create index departure_briefing_unacknowledged on departure_briefing (organisation)
    where acknowledged_at is null and reminded_on is null;

insert into briefing_text (id, organisation, language, revision, introduction, what_to_declare, how_to_declare,
                           contact, changed_by, changed_at)
select gen_random_uuid(), o.organisation, t.language, 1, t.introduction, t.what_to_declare, t.how_to_declare,
       replace(t.contact, '{office}', case t.language when 'nl' then o.office_nl else o.office_en end), 'platform', now()
from (values ('POLITIE', 'het Bureau Integriteit van de Politie', 'the integrity office of the National Police'),
             ('KMAR', 'het integriteitsbureau van de Koninklijke Marechaussee',
              'the integrity office of the Royal Marechaussee')) as o(organisation, office_nl, office_en)
cross join (values
    ('nl',
     'U gaat uit dienst, of bent uit dienst gegaan. Wat u in uw functie wist en wie u kende, blijft '
     || 'waardevol voor anderen. Daarom geldt na uw vertrek een periode waarin u nieuwe werkzaamheden '
     || 'vooraf meldt. Dat beschermt u en de organisatie tegen (de schijn van) belangenverstrengeling.',
     'Meld elke nieuwe beroepsmatige activiteit voordat u ermee begint: betaald en onbetaald werk, '
     || 'een eigen bedrijf of zzp-opdrachten, bestuursfuncties en nevenwerk. Twijfelt u of iets onder '
     || 'de meldplicht valt, of weet u nog niet zeker of u de baan neemt? Meld het dan als verkennende '
     || 'melding: vroeg advies is welkom. Het integriteitsbureau beslist binnen 30 werkdagen.',
     'Melden doet u in het alumniportaal, onder ''Nieuwe melding''. U beschrijft de werkgever, uw rol '
     || 'en taken, de startdatum en of u contact zult hebben met uw oude organisatie of kennis uit uw '
     || 'functie gebruikt. U volgt de beoordeling en het besluit in het portaal.',
     'Vragen? Neem contact op met {office}. U kunt ook in het portaal een vraag bij uw melding stellen.'),
    ('en',
     'You are leaving, or have left. What you knew in your function and whom you knew stays valuable '
     || 'to others. That is why a period applies after you leave in which you declare new activities '
     || 'beforehand. It protects you and the organisation against (the appearance of) a conflict of '
     || 'interest.',
     'Declare every new occupational activity before you start it: paid and unpaid work, a business '
     || 'of your own or freelance work, board memberships and side jobs. In doubt whether something '
     || 'must be declared, or not sure yet that you will take the job? Send a speculative declaration: '
     || 'early advice is welcome. The integrity office decides within 30 working days.',
     'You declare in the alumni portal, under ''New declaration''. You describe the employer, your '
     || 'role and duties, the start date and whether you will have contact with your former '
     || 'organisation or use knowledge from your function. You follow the assessment and the decision '
     || 'in the portal.',
     'Questions? Contact {office}. You can also ask a question with your declaration in the portal.')
) as t(language, introduction, what_to_declare, how_to_declare, contact);
