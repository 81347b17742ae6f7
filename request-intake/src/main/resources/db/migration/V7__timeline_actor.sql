-- Who acted on a step (the support agent who decided a request in review), kept apart from the words and the cause
-- the publisher reads: publishers read "a support agent", the desk's staff read who.
alter table timeline_entry add column actor varchar(320);

-- Steps recorded before: the agent's address moves out of the cause and the description.
update timeline_entry
   set actor = substring(cause from '^support agent (\S+)'),
       cause = case when cause ~ '^support agent \S+ after '
                    then regexp_replace(cause, '^support agent \S+ after ', 'a support agent, after ')
                    else 'a support agent' end,
       description = replace(description, ' (' || substring(cause from '^support agent (\S+)') || ')', '')
 where cause like 'support agent %';
