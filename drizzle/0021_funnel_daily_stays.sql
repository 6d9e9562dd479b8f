CREATE TABLE "funnel_daily_stays" (
	"team_id" text NOT NULL,
	"stage" text NOT NULL,
	"day" date NOT NULL,
	"bucket" integer NOT NULL,
	"stays" integer NOT NULL,
	"days" double precision[] NOT NULL,
	CONSTRAINT "funnel_daily_stays_team_id_stage_day_bucket_pk" PRIMARY KEY("team_id","stage","day","bucket")
);
--> statement-breakpoint
CREATE TABLE "funnel_stays_rolled" (
	"team_id" text PRIMARY KEY NOT NULL,
	"stays_until" timestamp with time zone NOT NULL
);
