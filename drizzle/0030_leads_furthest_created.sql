-- Cohort deals read a period's won leads (furthest stage at or past the won stage) from this index
-- alone, instead of filtering every lead of the period in leads_cohort (issue 16: a year is ~580k
-- leads at bench scale, ~33k of them won).
CREATE INDEX "leads_furthest_created" ON "leads" USING btree ("team_id","furthest_stage","created_at") INCLUDE ("id","competitor","currency","amount");
