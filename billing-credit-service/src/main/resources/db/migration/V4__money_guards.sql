-- No credit above what was billed, whatever code issues the note: a credit note is issued only within a charge of
-- its subscription that covers its whole period, in that charge's currency, and the notes within that charge's
-- period never add up to more than was charged. The charge row is locked first, so notes of one charge are issued
-- one at a time, and the sum read after the lock sees every note committed before it.
create function credit_note_within_billed() returns trigger
  language plpgsql as $$
declare
  billed   charge%rowtype;
  credited numeric(14, 2);
begin
  select * into billed from charge
   where subscription_id = new.subscription_id and period_from <= new.period_from and period_to >= new.period_to
   order by period_from
   limit 1
   for update;
  if not found then
    raise exception 'credit note % for % (% to %): no charge covers its period', new.number, new.subscription_id,
      new.period_from, new.period_to using errcode = 'check_violation';
  end if;
  if billed.currency <> new.currency then
    raise exception 'credit note % is in %, its charge in %', new.number, new.currency, billed.currency
      using errcode = 'check_violation';
  end if;
  select coalesce(sum(amount), 0) into credited from credit_note
   where subscription_id = billed.subscription_id and period_from >= billed.period_from
     and period_to <= billed.period_to;
  if credited + new.amount > billed.amount then
    raise exception 'credit note % of % % would credit % % against % % billed', new.number, new.amount,
      new.currency, credited + new.amount, new.currency, billed.amount, billed.currency
      using errcode = 'check_violation';
  end if;
  return new;
end;
$$;

create trigger credit_note_within_billed before insert on credit_note
  for each row execute function credit_note_within_billed();

-- Credit notes are never changed nor deleted once issued.
create function credit_note_is_final() returns trigger
  language plpgsql as $$
begin
  raise exception 'credit note % is final: it is never changed nor deleted', old.number
    using errcode = 'check_violation';
end;
$$;

create trigger credit_note_is_final before update or delete on credit_note
  for each row execute function credit_note_is_final();

-- Who administered the publisher when the request was filed (the contact and every administrator): none of them
-- may decide it as a support agent.
alter table credit_request add column administrators text;

-- What an approval still waiting for the publisher's authorization holds of its charge.
create index credit_request_awaiting on credit_request (subscription_id, period_from)
  where status = 'AWAITING_AUTHORIZATION';
