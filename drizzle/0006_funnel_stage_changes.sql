CREATE TABLE "funnel_goals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "funnel_goals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"deals" integer NOT NULL,
	"plan" jsonb NOT NULL,
	"set_by" text,
	"set_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stage_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"lead_id" bigint NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	"actor_id" text,
	"via" text NOT NULL,
	"reason" text,
	"competitor" text,
	"note" text,
	"amount" numeric(18, 2),
	"currency" text,
	"segment" text NOT NULL,
	"source" text NOT NULL,
	"owner_id" text
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "furthest_stage" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "amount" numeric(18, 2);--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "currency" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "competitor" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "stage_reason" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "revisit_on" date;--> statement-breakpoint
ALTER TABLE "stage_changes" ADD CONSTRAINT "stage_changes_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funnel_goals_period" ON "funnel_goals" USING btree ("team_id","period_start","period_end");--> statement-breakpoint
CREATE INDEX "stage_changes_entered" ON "stage_changes" USING btree ("team_id","entered_at");--> statement-breakpoint
CREATE INDEX "stage_changes_left" ON "stage_changes" USING btree ("team_id","left_at");--> statement-breakpoint
CREATE INDEX "stage_changes_lead" ON "stage_changes" USING btree ("team_id","lead_id","entered_at");--> statement-breakpoint
CREATE INDEX "leads_stage_entered" ON "leads" USING btree ("team_id","stage","stage_entered_at");--> statement-breakpoint
-- Backfill: every lead's arrival and stage moves so far become funnel rows; the current stage is the furthest.
UPDATE "leads" SET "stage_entered_at" = "created_at", "furthest_stage" = CASE WHEN "stage" IN ('Lost', 'Disqualified', 'Recycle') THEN NULL ELSE "stage" END;--> statement-breakpoint
INSERT INTO "stage_changes" ("team_id", "lead_id", "from_stage", "to_stage", "entered_at", "actor_id", "via", "reason", "segment", "source", "owner_id")
SELECT e."team_id", e."lead_id",
       CASE WHEN e."type" = 'created' THEN NULL ELSE e."data"->>'from' END,
       CASE WHEN e."type" = 'created' THEN e."data"->>'stage' ELSE e."data"->>'to' END,
       e."occurred_at", e."actor_id", CASE WHEN e."type" = 'created' THEN 'intake' ELSE 'slack' END,
       e."data"->>'reason', l."segment", l."source", l."owner_id"
FROM "lead_events" e JOIN "leads" l ON l."id" = e."lead_id"
WHERE e."type" IN ('created', 'stage_changed')
ORDER BY e."id";--> statement-breakpoint
UPDATE "stage_changes" s SET "left_at" = n."next_at"
FROM (SELECT "id", lead("entered_at") OVER (PARTITION BY "lead_id" ORDER BY "entered_at", "id") AS "next_at" FROM "stage_changes") n
WHERE n."id" = s."id" AND n."next_at" IS NOT NULL;--> statement-breakpoint
UPDATE "leads" l SET "stage_entered_at" = s."entered_at"
FROM (SELECT DISTINCT ON ("lead_id") "lead_id", "entered_at" FROM "stage_changes" ORDER BY "lead_id", "entered_at" DESC, "id" DESC) s
WHERE s."lead_id" = l."id";
