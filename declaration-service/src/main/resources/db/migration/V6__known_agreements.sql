-- The post-employment agreements alumni accepted (from alumni.events, agreement-accepted): the
-- risk assessment flags a declaration whose activity conflicts with one in force on its start.
create table known_agreement (
    agreement_id uuid primary key,
    alumnus_id   uuid         not null,
    organisation varchar(20)  not null,
    kind         varchar(32)  not null,
    code         varchar(40)  not null,
    title_nl     varchar(400) not null,
    title_en     varchar(400) not null,
    sector       varchar(32),
    starts_on    date         not null,
    ends_on      date         not null,
    received_at  timestamptz  not null
);
create index known_agreement_alumnus on known_agreement (alumnus_id);
