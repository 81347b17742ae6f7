-- Publisher accounts and their administrators.
create table publisher (
  id            varchar(64)  primary key,
  company_name  varchar(200) not null,
  contact_name  varchar(200),
  contact_email varchar(320) not null,
  language      varchar(8)   not null default 'en',
  version       integer      not null default 0
);

create table publisher_admin (
  publisher_id varchar(64)  not null references publisher (id),
  email        varchar(320) not null,
  added_at     timestamptz  not null,
  primary key (publisher_id, email)
);

-- Every request a publisher filed, whatever its type, with its progress.
create table request (
  id                     uuid         primary key,
  publisher_id           varchar(64)  not null references publisher (id),
  type                   varchar(40)  not null,
  status                 varchar(40)  not null,
  submitted_at           timestamptz  not null,
  submitted_by           varchar(320),
  acknowledgement_due_by timestamptz  not null,
  acknowledged_at        timestamptz,
  details                text         not null,
  version                integer      not null default 0
);
create index request_by_publisher on request (publisher_id, submitted_at desc, id desc);

-- What happened to a request, each step with its cause.
create table timeline_entry (
  id          bigint generated always as identity primary key,
  request_id  uuid         not null references request (id),
  at          timestamptz  not null,
  step        varchar(60)  not null,
  description text         not null,
  cause       text
);
create index timeline_by_request on timeline_entry (request_id, at);

-- Idempotency keys, kept durably: the same key with the same body returns the first answer.
create table idempotency_key (
  publisher_id varchar(64)  not null,
  key          varchar(200) not null,
  body_hash    varchar(64)  not null,
  request_id   uuid         not null references request (id),
  created_at   timestamptz  not null,
  primary key (publisher_id, key)
);
