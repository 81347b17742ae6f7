-- Webhooks: HTTPS endpoints a publisher's administrators register for the events of the publisher's own requests.
create table webhook_endpoint (
  id              uuid          primary key,
  publisher_id    varchar(64)   not null,
  url             varchar(2048) not null,
  event_types     text          not null,
  description     varchar(200),
  -- The signing key, shown once to the administrator who registered the endpoint.
  secret          varchar(100)  not null,
  status          varchar(20)   not null,
  created_at      timestamptz   not null,
  created_by      varchar(320)  not null,
  failing_since   timestamptz,
  disabled_at     timestamptz,
  disabled_reason text,
  disablements    integer       not null default 0,
  version         integer       not null default 0
);
create index webhook_endpoint_by_publisher on webhook_endpoint (publisher_id, status);

-- One delivery per endpoint and event, recorded in the transaction that applied the event; sent at least once.
create table webhook_delivery (
  id               bigint generated always as identity primary key,
  endpoint_id      uuid         not null references webhook_endpoint (id) on delete cascade,
  event_id         uuid         not null,
  event_type       varchar(150) not null,
  request_id       uuid         not null,
  occurred_at      timestamptz  not null,
  body             text         not null,
  status           varchar(20)  not null,
  attempts         integer      not null default 0,
  next_attempt_at  timestamptz  not null,
  expires_at       timestamptz  not null,
  claimed_at       timestamptz,
  last_status_code integer,
  last_error       text,
  delivered_at     timestamptz,
  created_at       timestamptz  not null,
  version          integer      not null default 0,
  unique (endpoint_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_in_order on webhook_delivery (endpoint_id, request_id, occurred_at, id);

-- An email about a webhook (its endpoint disabled) rather than about a request; its request_id is the notice's id.
alter table email add column webhook_id uuid;

-- Whom a publisher's notices go to: its contact and administrators as its latest request named them.
create index notified_request_by_publisher on notified_request (publisher_id, submitted_at);
