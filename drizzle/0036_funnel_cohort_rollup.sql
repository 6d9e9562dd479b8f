-- Cohort reach, rolled up (issue 16; src/db/queries/funnel-cohort.ts): leads per UTC creation day
-- and furthest stage as counted up to a stage change id, each counted lead's furthest stage, and
-- where each team's count stands. Written only by the rollup job (maintenance.ts), never by intake.
CREATE TABLE "funnel_cohort_leads" (
	"lead_id" bigint PRIMARY KEY NOT NULL,
	"furthest_stage" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funnel_cohort_rolled" (
	"team_id" text PRIMARY KEY NOT NULL,
	"changes_until" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funnel_daily_cohort" (
	"team_id" text NOT NULL,
	"day" date NOT NULL,
	"furthest_stage" text NOT NULL,
	"leads" integer NOT NULL,
	CONSTRAINT "funnel_daily_cohort_team_id_day_furthest_stage_pk" PRIMARY KEY("team_id","day","furthest_stage")
);
