-- The billing-address store, fed by the billing system.
create table offer (
  id           varchar(64) primary key,
  publisher_id varchar(64) not null
);

create table customer (
  id   varchar(64)  primary key,
  name varchar(200) not null
);

create table subscription (
  id            varchar(64)  primary key,
  customer_id   varchar(64)  not null references customer (id),
  offer_id      varchar(64)  not null references offer (id),
  address_line1 varchar(200) not null,
  address_line2 varchar(200),
  city          varchar(100) not null,
  region        varchar(100),
  postal_code   varchar(20)  not null,
  country       char(2)      not null,
  version       integer      not null default 0
);

-- Every change to the store: what changed, from what, to what, by which import.
create table billing_record_change (
  id              bigint generated always as identity primary key,
  subscription_id varchar(64)  not null,
  field           varchar(40)  not null,
  old_value       text,
  new_value       text,
  changed_at      timestamptz  not null,
  changed_by      varchar(200) not null
);
create index billing_record_change_by_subscription on billing_record_change (subscription_id, changed_at);

-- One ownership verdict per request.
create table ownership_check (
  request_id      uuid         primary key,
  publisher_id    varchar(64)  not null,
  subscription_id varchar(64)  not null,
  confirmed       boolean      not null,
  reason_code     varchar(40),
  checked_at      timestamptz  not null
);
