CREATE TABLE "channel_pacing" (
	"team_id" text NOT NULL,
	"channel" text NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	CONSTRAINT "channel_pacing_team_id_channel_pk" PRIMARY KEY("team_id","channel")
);
--> statement-breakpoint
CREATE TABLE "lead_contexts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lead_contexts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"lead_id" bigint NOT NULL,
	"author_id" text NOT NULL,
	"campaign" text,
	"content" text,
	"nurture" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"method" text NOT NULL,
	"channel" text NOT NULL,
	"args" jsonb NOT NULL,
	"lead_id" bigint,
	"purpose" text,
	"dedupe_key" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"result_ts" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "routing_state" (
	"team_id" text NOT NULL,
	"segment" text NOT NULL,
	"user_id" text NOT NULL,
	"pass" double precision DEFAULT 0 NOT NULL,
	"assigned" integer DEFAULT 0 NOT NULL,
	"last_assigned_at" timestamp with time zone,
	CONSTRAINT "routing_state_team_id_segment_user_id_pk" PRIMARY KEY("team_id","segment","user_id")
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "email_domain" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "routed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "owner_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "context_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lead_contexts" ADD CONSTRAINT "lead_contexts_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_contexts_lead" ON "lead_contexts" USING btree ("team_id","lead_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedupe" ON "outbox" USING btree ("team_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_due" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "leads_email_domain" ON "leads" USING btree ("team_id","email_domain");