-- notification-service now finds the alumnus who asks for their access export by organisation and
-- personnel number, which it keeps from the registration and record-updated events it consumes
-- from now on. For alumni registered before, every live record is announced once more as
-- record-updated with its current facts at a new record version (as V10 did), so each consumer
-- takes it as the newest and the alumnus' part of the export is there from the first day.
with announced as (
    update alumnus set version = version + 1
    where status <> 'ANONYMISED'
    returning id, organisation, email, phone, version, personnel_number, full_name, departure_date,
              departure_reason, status, unit, last_function, language
)
insert into outbox_message (event_id, topic, aggregate_id, event_type, subject, payload, occurred_at)
select gen_random_uuid(), 'alumni.events', a.id::text, 'nl.integrity.alumni.record-updated.v1', 'alumni/' || a.id,
       jsonb_build_object(
           'alumnusId', a.id, 'organisation', a.organisation, 'changedFields', jsonb_build_array('personnelNumber'),
           'email', a.email, 'phone', a.phone, 'version', a.version, 'personnelNumber', a.personnel_number,
           'fullName', a.full_name, 'departureDate', a.departure_date, 'departureReason', a.departure_reason,
           'status', a.status, 'unit', a.unit, 'lastFunction', a.last_function, 'language', a.language)::text,
       now()
from announced a;
