-- The manual review queue: who filed each request (a support agent never decides their own), the publisher's words,
-- when it entered review, the facts the policy saw, and the agent's decision.
alter table credit_request add column submitted_by varchar(320);
alter table credit_request add column reason_description text;
alter table credit_request add column in_review_since timestamptz;
update credit_request r set in_review_since = d.decided_at
  from credit_decision d where d.request_id = r.request_id and r.status = 'IN_REVIEW';
create index credit_request_review_queue on credit_request (in_review_since, request_id) where status = 'IN_REVIEW';

-- What the policy knew when it decided, as JSON; null for decisions recorded before.
alter table credit_decision add column facts text;

-- One agent's decision per request sent to review, recorded with the decision's event.
create table credit_review (
  request_id  uuid         primary key references credit_request (request_id),
  reviewer    varchar(320) not null,
  outcome     varchar(20)  not null check (outcome in ('approved', 'denied')),
  note        text         not null,
  reviewed_at timestamptz  not null
);
