-- A change that an operator should look at twice (an administrator added who already administers another
-- publisher's account) says so on the audit trail.
alter table account_audit add column warning text;
