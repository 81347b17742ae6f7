-- The publisher's standing consent to have credits issued to its customers on its behalf, and who gave it.
alter table publisher add column credit_consent_given_by varchar(320);
alter table publisher add column credit_consent_given_at timestamptz;

-- An authorization given for one credit request through the API.
alter table request add column credit_authorized_by varchar(320);
alter table request add column credit_authorized_at timestamptz;
alter table request add column credit_authorization_kind varchar(20);
