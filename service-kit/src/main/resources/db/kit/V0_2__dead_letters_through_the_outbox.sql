-- Dead letters leave through the outbox, in the transaction of the batch they were taken from: such an event keeps
-- the headers of the record it came from (a JSON array of [name, value] pairs) and adds the dead-letter-* ones.
alter table outbox_event add column headers text;
