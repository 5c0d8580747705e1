-- Which alumnus a delivery is about (the alumnus a notice goes to, the alumnus of the event a webhook or an office mail
-- tells of), so that the deliveries of an anonymised alumnus are found and stripped; null: about no one in particular
-- (a digest, a webhook about a subscription).
alter table delivery add column alumnus_id uuid;
create index delivery_alumnus on delivery (alumnus_id) where alumnus_id is not null;

-- Rows from before this migration: a notice or network mail names its alumnus in the recipient (alumnus:<id>), an office
-- mail shares its event with the alert it tells of, a webhook carries the event's alumnusId in its data.
update delivery set alumnus_id = cast(substring(recipient from 9) as uuid)
where recipient ~ '^alumnus:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
update delivery d set alumnus_id = a.alumnus_id
from alert a
where d.alumnus_id is null and a.alumnus_id is not null and d.event_id = a.source_event_id;
update delivery set alumnus_id = cast(about as uuid)
from (select id, case when payload ~ '^\s*\{' then payload::jsonb -> 'data' ->> 'alumnusId' end as about
      from delivery where alumnus_id is null and channel = 'WEBHOOK') webhook
where delivery.id = webhook.id
  and about ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

-- A payload is emptied when its alumnus is anonymised, and after notification.retention.delivery-payloads once the
-- delivery is done with; the row (channel, status, dates, event type) stays for the log until its own retention.
alter table delivery alter column payload drop not null;
-- Retention finds old rows through these: whole rows by age, kept payloads of finished deliveries by age.
create index delivery_created on delivery (created_at);
create index delivery_payload_kept on delivery (created_at) where payload is not null;

-- A network mailing's texts are removed after notification.retention.network-mailings; subject and counts stay.
alter table network_mailing alter column text_nl drop not null;
-- Resolved alerts are deleted after notification.retention.alerts.
create index alert_resolved on alert (resolved_at) where status = 'RESOLVED';
-- Office digests are deleted after notification.retention.office-digests.
create index office_digest_created on office_digest (created_at);
