CREATE TABLE "lead_activities" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lead_activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"lead_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"actor_id" text,
	"via" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "sla_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "sla_state" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "first_touch_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "first_touch_channel" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "first_touch_business_minutes" double precision;--> statement-breakpoint
ALTER TABLE "lead_activities" ADD CONSTRAINT "lead_activities_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_activities_lead" ON "lead_activities" USING btree ("team_id","lead_id","occurred_at");--> statement-breakpoint
CREATE INDEX "leads_sla_running" ON "leads" USING btree ("team_id","sla_state","sla_due_at");