create table alumnus (
    id               uuid primary key,
    organisation     varchar(20)  not null,
    personnel_number varchar(32)  not null,
    full_name        varchar(200) not null,
    email            varchar(254),
    last_function    varchar(200),
    departure_date   date         not null,
    departure_reason varchar(40)  not null,
    status           varchar(20)  not null,
    registered_at    timestamptz  not null,
    version          bigint       not null default 0,
    constraint alumnus_personnel_number_unique unique (organisation, personnel_number)
);
