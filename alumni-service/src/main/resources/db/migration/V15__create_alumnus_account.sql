-- Each alumnus' login in Keycloak, and what the platform still owes Keycloak for it: an invitation, an
-- update (new address or language, read from the record when the work is done), or the removal. A
-- worker on any instance claims what is due (lease in due_at) and records the outcome; invitations
-- are counted; 'sending' is set before an invitation is handed to Keycloak, so a crash in that moment
-- never leads to a second mail. No personal data here: the login's name is made from the record's id.
create table alumnus_account (
    alumnus_id    uuid         primary key,
    organisation  varchar(20)  not null,
    username      varchar(100) not null unique,
    keycloak_id   varchar(64),
    owed          varchar(20),
    due_at        timestamptz,
    attempts      int          not null default 0,
    last_error    varchar(500),
    invitations   int          not null default 0,
    sending       boolean      not null default false,
    invited_at    timestamptz,
    created_at    timestamptz  not null,
    removed_at    timestamptz,
    version       bigint       not null default 0
);
create index alumnus_account_due on alumnus_account (due_at) where owed is not null;
