-- A credit note is issued only with the publisher's authorization on record: a standing consent or one per request.
alter table credit_request alter column status type varchar(40);
alter table credit_request add column authorization_kind varchar(20);
alter table credit_request add column authorized_by varchar(320);
alter table credit_request add column authorized_at timestamptz;

-- The rule's words in every language the policy writes them in, for the decision's later events.
alter table credit_decision add column explanations text;
