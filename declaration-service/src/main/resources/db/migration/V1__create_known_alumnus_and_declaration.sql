-- Local read model of the alumni registry, fed by alumni.events (no cross-service queries).
create table known_alumnus (
    alumnus_id       uuid primary key,
    organisation     varchar(20)  not null,
    personnel_number varchar(32)  not null,
    full_name        varchar(200) not null,
    departure_date   date         not null,
    departure_reason varchar(40)  not null,
    status           varchar(20)  not null,
    updated_at       timestamptz  not null,
    constraint known_alumnus_personnel_number_unique unique (organisation, personnel_number)
);

create table declaration (
    id            uuid primary key,
    alumnus_id    uuid         not null references known_alumnus (alumnus_id),
    organisation  varchar(20)  not null,
    employer_name varchar(200) not null,
    sector        varchar(100) not null,
    role          varchar(200) not null,
    start_date    date         not null,
    status        varchar(30)  not null,
    submitted_at  timestamptz  not null,
    version       bigint       not null default 0
);
create index declaration_alumnus on declaration (alumnus_id, submitted_at desc);
create index declaration_organisation on declaration (organisation, submitted_at desc);
