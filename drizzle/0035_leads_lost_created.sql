-- Cohort deals read a period's lost leads (current stage Lost) from this index alone, instead of
-- filtering every lead of the period in leads_cohort (issue 16: a year is ~580k leads at bench
-- scale, ~94k of them in Lost). Intake never writes Lost, so it does not touch this index.
CREATE INDEX "leads_lost_created" ON "leads" USING btree ("team_id","created_at") INCLUDE ("furthest_stage","competitor","currency","amount") WHERE "leads"."stage" = 'Lost';
