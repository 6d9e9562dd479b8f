-- The SLA board (/sla, App Home) scanned every lead of the team twice (issue 16: ~190 ms each at 1M
-- leads). Unclaimed leads are read from a partial index that holds only routed leads nobody owns or
-- touched, with the columns its filters and count need (INCLUDE is not expressible in drizzle's schema);
-- the week's first touches from one that holds only touched leads, so intake writes to neither
-- unless the lead is routed.
CREATE INDEX "leads_unclaimed" ON "leads" USING btree ("team_id","created_at","id") INCLUDE ("stage","segment") WHERE "leads"."routed" and "leads"."owner_id" is null and "leads"."first_touch_at" is null;--> statement-breakpoint
CREATE INDEX "leads_first_touch" ON "leads" USING btree ("team_id","first_touch_at") WHERE "leads"."first_touch_at" is not null;
