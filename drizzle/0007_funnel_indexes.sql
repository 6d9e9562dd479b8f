-- Covering indexes for the funnel report (bench/funnel.ts): each report query reads one index range and
-- never the table (index-only scans). drizzle cannot express INCLUDE, so the INCLUDE lists are written
-- here by hand; src/db/schema.ts declares the same keys. Cohort queries: leads created in a period.
DROP INDEX "leads_team_created";--> statement-breakpoint
DROP INDEX "stage_changes_entered";--> statement-breakpoint
DROP INDEX "stage_changes_left";--> statement-breakpoint
CREATE INDEX "leads_cohort" ON "leads" USING btree ("team_id","created_at") INCLUDE ("furthest_stage","stage","routed","sla_state","first_touch_at","first_touch_business_minutes","competitor","currency","amount","segment","source","owner_id");--> statement-breakpoint
-- Flow queries: moves entered in a period, with what each breakdown and the deal figures group by.
CREATE INDEX "stage_changes_flow" ON "stage_changes" USING btree ("team_id","entered_at") INCLUDE ("from_stage","to_stage","segment","source","owner_id","competitor","currency","amount");--> statement-breakpoint
-- Median days in stage and stuck thresholds: finished stays per stage by the time they ended.
CREATE INDEX "stage_changes_stays" ON "stage_changes" USING btree ("team_id","to_stage","left_at") INCLUDE ("entered_at") WHERE "stage_changes"."left_at" is not null;--> statement-breakpoint
-- Index-only scans skip the table only on pages vacuum has marked all-visible, and a report reads the
-- newest rows, which are the ones being written. Vacuum these two tables ten times sooner than the default.
ALTER TABLE "leads" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);--> statement-breakpoint
ALTER TABLE "stage_changes" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
