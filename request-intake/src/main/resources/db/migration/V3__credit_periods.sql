-- The credit period of credit requests, for the overlap guard.
alter table request add column period_from date;
alter table request add column period_to date;
