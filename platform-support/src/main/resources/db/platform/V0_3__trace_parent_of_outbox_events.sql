-- The W3C traceparent of the transaction that appended an event (null outside a trace): the relay
-- publishes later on its own thread and continues that trace, so a user action stays one trace.
alter table outbox_message add column trace_parent text;
