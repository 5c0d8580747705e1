-- Consumers that start now (notification-service mails alumni) or read fields added to the events
-- later (the e-mail address) never saw those facts for alumni registered before: the registration
-- event is published once. Every live record is announced once more as record-updated with its
-- current facts, at a new record version, so each consumer takes it as the newest.
with announced as (
    update alumnus set version = version + 1
    where status <> 'ANONYMISED'
    returning id, organisation, email, phone, version, personnel_number, full_name, departure_date,
              departure_reason, status, unit, last_function
)
insert into outbox_message (event_id, topic, aggregate_id, event_type, subject, payload, occurred_at)
select gen_random_uuid(), 'alumni.events', a.id::text, 'nl.integrity.alumni.record-updated.v1', 'alumni/' || a.id,
       jsonb_build_object(
           'alumnusId', a.id, 'organisation', a.organisation, 'changedFields', jsonb_build_array('email'),
           'email', a.email, 'phone', a.phone, 'version', a.version, 'personnelNumber', a.personnel_number,
           'fullName', a.full_name, 'departureDate', a.departure_date, 'departureReason', a.departure_reason,
           'status', a.status, 'unit', a.unit, 'lastFunction', a.last_function)::text,
       now()
from announced a;
