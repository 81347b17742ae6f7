-- The subscription a request is about, for the overlap and throttling checks.
alter table request add column subscription_id varchar(64);
create index request_by_publisher_type on request (publisher_id, type, submitted_at);
create index request_by_subscription on request (publisher_id, subscription_id, type, submitted_at);
