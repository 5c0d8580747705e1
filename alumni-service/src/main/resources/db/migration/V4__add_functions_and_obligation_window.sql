-- Functions an alumnus held (the last five years matter) and the obligation window computed from
-- them. last_function now holds the code of the function held last.
alter table alumnus
    add column unit                       varchar(200),
    add column window_start               date,
    add column window_end                 date,
    add column window_months              integer,
    add column window_function_code       varchar(40),
    add column window_function_version_id uuid,
    add column window_risk_level          varchar(20);

create table alumnus_function (
    alumnus_id    uuid        not null references alumnus (id),
    position      integer     not null,
    function_code varchar(40) not null,
    held_from     date        not null,
    held_until    date,
    primary key (alumnus_id, position)
);
-- Recomputing windows after a catalogue change finds the alumni who held the function.
create index alumnus_function_code on alumnus_function (function_code);
