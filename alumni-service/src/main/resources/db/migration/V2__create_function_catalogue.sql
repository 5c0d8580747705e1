-- The function risk catalogue: a profile per function code and organisation, and its versions.
-- Versions are only ever added; what was computed or decided keeps pointing at its version.
create table function_profile (
    id              uuid primary key,
    organisation    varchar(20) not null,
    code            varchar(40) not null,
    current_version integer     not null,
    retired_at      timestamptz,
    version         bigint      not null default 0,
    constraint function_profile_code_unique unique (organisation, code)
);

create table function_profile_version (
    id                 uuid primary key,
    profile_id         uuid         not null references function_profile (id),
    number             integer      not null,
    title              varchar(200) not null,
    function_group     varchar(30)  not null,
    risk_level         varchar(20)  not null,
    cooling_off_months integer      not null check (cooling_off_months between 0 and 24),
    sensitive_sectors  text         not null,
    rationale          text,
    valid_from         timestamptz  not null,
    changed_by         varchar(100) not null,
    constraint function_profile_version_number_unique unique (profile_id, number)
);
