CREATE TABLE "funnel_daily_speed" (
	"team_id" text NOT NULL,
	"day" date NOT NULL,
	"bucket" integer NOT NULL,
	"leads" integer NOT NULL,
	"touched" integer NOT NULL,
	"met" integer NOT NULL,
	"breached" integer NOT NULL,
	"minutes" double precision[] NOT NULL,
	CONSTRAINT "funnel_daily_speed_team_id_day_bucket_pk" PRIMARY KEY("team_id","day","bucket")
);
--> statement-breakpoint
CREATE TABLE "funnel_speed_rolled" (
	"team_id" text PRIMARY KEY NOT NULL,
	"speed_until" timestamp with time zone NOT NULL
);
