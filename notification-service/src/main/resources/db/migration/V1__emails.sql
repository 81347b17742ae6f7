-- The requests the desk must write about: who to tell, in which language, and by when.
create table notified_request (
  request_id             uuid         primary key,
  publisher_id           varchar(64)  not null,
  type                   varchar(40)  not null,
  publisher_name         varchar(200) not null,
  language               varchar(8)   not null,
  to_address             varchar(320) not null,
  cc_addresses           text         not null,
  submitted_at           timestamptz  not null,
  acknowledgement_due_by timestamptz  not null,
  details                text
);

-- Every email the desk owes: recorded before it is sent, never two of the same kind for one request.
create table email (
  id              bigint generated always as identity primary key,
  request_id      uuid         not null,
  kind            varchar(20)  not null,
  status          varchar(20)  not null,
  message_id      varchar(200) not null unique,
  outcome         varchar(20),
  result          text,
  attempts        integer      not null default 0,
  next_attempt_at timestamptz  not null,
  claimed_at      timestamptz,
  last_error      text,
  sent_at         timestamptz,
  version         integer      not null default 0,
  unique (request_id, kind)
);
create index email_due on email (status, next_attempt_at);
