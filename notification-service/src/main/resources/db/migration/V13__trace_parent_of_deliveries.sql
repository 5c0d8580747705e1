-- The W3C traceparent of the event handling that queued a delivery: the dispatcher sends it later, on
-- another thread, and its span continues that trace (a declaration's trace ends at the mail and the webhook).
alter table delivery add column trace_parent text;
