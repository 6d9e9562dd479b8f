CREATE TABLE "funnel_daily_moves" (
	"team_id" text NOT NULL,
	"day" date NOT NULL,
	"dim" text NOT NULL,
	"key" text,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"moves" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funnel_rollup_state" (
	"team_id" text PRIMARY KEY NOT NULL,
	"moves_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funnel_stay_history" (
	"team_id" text PRIMARY KEY NOT NULL,
	"hour_end" timestamp with time zone NOT NULL,
	"stages" text NOT NULL,
	"medians" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "funnel_daily_moves_day" ON "funnel_daily_moves" USING btree ("team_id","dim","day");