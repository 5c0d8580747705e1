-- Where to mail an alumnus, from alumni.events: the address of the newest record version, and the
-- language of their mail. Removed when the registry anonymises the alumnus.
create table alumnus_contact (
    alumnus_id     uuid         primary key,
    organisation   varchar(20)  not null,
    email          varchar(320),
    language       varchar(2)   not null,
    record_version bigint       not null,
    anonymised     boolean      not null,
    updated_at     timestamptz  not null
);
