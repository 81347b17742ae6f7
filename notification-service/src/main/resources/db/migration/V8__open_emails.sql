-- The emails still to send, in the order they were owed: the sender claims from here without reading the sent ones.
create index email_open on email (id) where status in ('PENDING', 'SENDING');
