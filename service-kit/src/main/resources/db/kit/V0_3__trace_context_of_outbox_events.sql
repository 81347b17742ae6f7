-- The trace of the transaction that wrote an event (a W3C traceparent), sent with it as a header so that the consumer
-- continues the same trace (and its log lines carry the same traceId).
alter table outbox_event add column traceparent varchar(55);
