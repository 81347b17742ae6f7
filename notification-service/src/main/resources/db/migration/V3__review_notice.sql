-- A request sent to review is now told so by an email of its own kind, and its result email follows the support
-- agent's decision. Notices recorded before as that request's result become review notices, so that the agent's
-- decision still gets its result email. (Their Message-ID stays what it was: it is only ever compared for equality.)
update email set kind = 'review' where kind = 'result' and outcome = 'review';
