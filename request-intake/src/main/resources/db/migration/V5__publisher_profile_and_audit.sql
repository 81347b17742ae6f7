-- The rest of a publisher's profile: a phone number and a postal address.
alter table publisher add column phone varchar(40);
alter table publisher add column address_line1 varchar(200);
alter table publisher add column address_line2 varchar(200);
alter table publisher add column address_city varchar(100);
alter table publisher add column address_region varchar(100);
alter table publisher add column address_postal_code varchar(20);
alter table publisher add column address_country varchar(2);

-- The account's audit trail: every change to its profile and administrators, who made it, when, and the request
-- it was filed as.
create table account_audit (
  id           bigint generated always as identity primary key,
  publisher_id varchar(64)  not null references publisher (id),
  at           timestamptz  not null,
  actor_email  varchar(320) not null,
  what         varchar(40)  not null,
  old_value    text,
  new_value    text,
  request_id   uuid         references request (id)
);
create index account_audit_by_publisher on account_audit (publisher_id, at desc, id desc);
