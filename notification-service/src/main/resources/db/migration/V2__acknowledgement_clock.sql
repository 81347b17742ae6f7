-- The 24-hour acknowledgement clock of each request.
alter table notified_request add column warn_at timestamptz;
alter table notified_request add column acknowledged_at timestamptz;
alter table notified_request add column warned_at timestamptz;
alter table notified_request add column breached_at timestamptz;
update notified_request set warn_at = acknowledgement_due_by where warn_at is null;
alter table notified_request alter column warn_at set not null;
create index notified_request_unacknowledged on notified_request (warn_at, acknowledgement_due_by)
  where acknowledged_at is null;
