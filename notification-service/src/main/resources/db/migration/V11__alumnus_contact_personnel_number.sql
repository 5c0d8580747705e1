-- The personnel number from registered and record-updated on alumni.events: an alumnus' token names their organisation
-- and personnel number, not their id, so this is how their own export (GET /api/notifications/me/export) finds them.
-- Removed when the registry anonymises the alumnus, as the address is.
alter table alumnus_contact add column personnel_number varchar(50);
create index alumnus_contact_personnel_number on alumnus_contact (organisation, personnel_number)
    where personnel_number is not null;
