-- The billing ledger: what each subscription was charged per billing period.
create table charge (
  id              bigint generated always as identity primary key,
  subscription_id varchar(64)    not null,
  period_from     date           not null,
  period_to       date           not null,
  billing_date    date           not null,
  amount          numeric(14, 2) not null check (amount >= 0),
  currency        char(3)        not null,
  unique (subscription_id, period_from, period_to)
);

-- Credit requests as they arrive (details and verdict, in either order) and where they stand.
create table credit_request (
  request_id      uuid           primary key,
  publisher_id    varchar(64),
  subscription_id varchar(64),
  customer_name   varchar(200),
  amount          numeric(14, 2),
  currency        char(3),
  period_from     date,
  period_to       date,
  billing_date    date,
  reason_code     varchar(40),
  submitted_at    timestamptz,
  verdict         varchar(20),
  status          varchar(20)    not null,
  version         integer        not null default 0
);
create index credit_request_by_subscription on credit_request (subscription_id, status);

-- One decision per request, with the rule that fired and the policy version.
create table credit_decision (
  request_id     uuid         primary key references credit_request (request_id),
  outcome        varchar(20)  not null,
  rule_id        varchar(80)  not null,
  explanation    text         not null,
  policy_version varchar(80)  not null,
  decided_at     timestamptz  not null
);

-- Credit notes issued to customers: at most one per request.
create sequence credit_note_number;
create table credit_note (
  number          varchar(30)    primary key,
  request_id      uuid           not null unique references credit_request (request_id),
  subscription_id varchar(64)    not null,
  period_from     date           not null,
  period_to       date           not null,
  amount          numeric(14, 2) not null check (amount > 0),
  currency        char(3)        not null,
  issued_at       timestamptz    not null
);
create index credit_note_by_subscription on credit_note (subscription_id, period_from);
