-- A request's timeline steps are written with plain inserts as they happen, and a new request's own row when
-- Hibernate flushes the transaction, after its first steps: a step's reference to its request is checked at commit,
-- when both are there.
alter table timeline_entry alter constraint timeline_entry_request_id_fkey deferrable initially deferred;
