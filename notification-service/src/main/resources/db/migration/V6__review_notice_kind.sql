-- What V3 meant: the kind is stored as its enum name (REVIEW, RESULT), so V3's lower-case comparison matched no row.
-- A review notice recorded before as its request's result becomes a review notice, so that the support agent's
-- decision still gets its result email; unless the request has a review notice already (a request keeps one email
-- of each kind). Their Message-ID stays what it was: it is only ever compared for equality.
update email set kind = 'REVIEW'
 where kind = 'RESULT' and outcome = 'review'
   and not exists (select 1 from email review where review.request_id = email.request_id and review.kind = 'REVIEW');
