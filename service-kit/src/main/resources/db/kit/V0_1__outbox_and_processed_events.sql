-- The transactional outbox: events written in the same transaction as the state change they describe.
create table outbox_event (
  position     bigint generated always as identity primary key,
  id           uuid         not null unique,
  topic        varchar(100) not null,
  record_key   varchar(100) not null,
  type         varchar(150) not null,
  occurred_at  timestamptz  not null,
  payload      text         not null
);

-- Idempotent consumers: an event id is recorded in the same transaction as its effect.
create table processed_event (
  event_id     uuid         primary key,
  type         varchar(150) not null,
  subject      varchar(100) not null,
  processed_at timestamptz  not null
);
create index processed_event_by_subject on processed_event (subject);
