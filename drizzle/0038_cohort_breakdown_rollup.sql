-- Cohort breakdowns rolled up (issue 16: /funnel cohort by owner or segment over a year read every
-- lead of the year). funnel_daily_cohort_by counts leads per creation day, breakdown value and
-- furthest stage; funnel_cohort_leads now holds each lead's owner, segment and source as counted.
-- An owner can change without a stage change, so a trigger on leads logs such changes
-- (lead_key_changes) for the rollup job (src/db/queries/funnel-cohort.ts) and for reports.
-- The cohort rollup starts over so that every counted lead carries its keys: the maintenance job
-- recounts it, and reports read leads until it has.
TRUNCATE "funnel_daily_cohort", "funnel_cohort_leads", "funnel_cohort_rolled";
--> statement-breakpoint
CREATE TABLE "funnel_daily_cohort_by" (
	"team_id" text NOT NULL,
	"by" text NOT NULL,
	"day" date NOT NULL,
	"key" text NOT NULL,
	"furthest_stage" text NOT NULL,
	"leads" integer NOT NULL,
	CONSTRAINT "funnel_daily_cohort_by_team_id_by_day_key_furthest_stage_pk" PRIMARY KEY("team_id","by","day","key","furthest_stage") INCLUDE ("leads")
);
--> statement-breakpoint
-- A year by owner sums ~60,000 rows at bench scale: from the key alone (INCLUDE above), where vacuum
-- marked the pages all-visible, so vacuum after every thousand rows the job inserts (as 0037).
ALTER TABLE "funnel_daily_cohort_by" SET (autovacuum_vacuum_insert_scale_factor = 0);
--> statement-breakpoint
CREATE TABLE "lead_key_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lead_key_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"lead_id" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "funnel_cohort_leads" ADD COLUMN "owner_id" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "funnel_cohort_leads" ADD COLUMN "segment" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "funnel_cohort_leads" ADD COLUMN "source" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "lead_key_changes_team" ON "lead_key_changes" USING btree ("team_id","lead_id");
--> statement-breakpoint
CREATE FUNCTION lead_key_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO lead_key_changes (team_id, lead_id) VALUES (NEW.team_id, NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER leads_key_changes
AFTER UPDATE OF owner_id, segment, source ON leads FOR EACH ROW
WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.segment IS DISTINCT FROM NEW.segment
      OR OLD.source IS DISTINCT FROM NEW.source)
EXECUTE FUNCTION lead_key_changed();
