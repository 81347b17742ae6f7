-- An attempt that failed without the mail server's answer (the connection cut after the message was handed over)
-- may have gone out: the next attempt asks the sent-mail journal first.
alter table email add column delivery_uncertain boolean not null default false;
