-- The language of the alumnus' mail (and, later, portal): nl by default, en on request in the
-- alumnus' own contact details.
alter table alumnus add column language varchar(2) not null default 'nl' check (language in ('nl', 'en'));
