CREATE TABLE "channel_problems" (
	"team_id" text NOT NULL,
	"channel" text NOT NULL,
	"problem" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "channel_problems_team_id_channel_pk" PRIMARY KEY("team_id","channel")
);
--> statement-breakpoint
CREATE INDEX "outbox_parked" ON "outbox" USING btree ("team_id","channel","id") WHERE status = 'parked';