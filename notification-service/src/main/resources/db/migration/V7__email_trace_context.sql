-- The trace of the event that made the email owed (a W3C traceparent): the sender's events and log lines about the
-- email continue it.
alter table email add column traceparent varchar(55);
