CREATE TABLE "hubspot_contacts" (
	"team_id" text NOT NULL,
	"lead_id" bigint NOT NULL,
	"contact_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hubspot_contacts_team_id_lead_id_pk" PRIMARY KEY("team_id","lead_id")
);
--> statement-breakpoint
CREATE TABLE "hubspot_tasks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hubspot_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"direction" text NOT NULL,
	"lead_id" bigint,
	"dedupe_key" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"progress" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hubspot_writes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hubspot_writes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"property" text NOT NULL,
	"value" text NOT NULL,
	"written_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "hubspot_contacts_contact" ON "hubspot_contacts" USING btree ("team_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hubspot_tasks_dedupe" ON "hubspot_tasks" USING btree ("team_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "hubspot_tasks_due" ON "hubspot_tasks" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "hubspot_tasks_lead" ON "hubspot_tasks" USING btree ("team_id","lead_id","id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "hubspot_writes_object" ON "hubspot_writes" USING btree ("team_id","object_type","object_id","property");