CREATE TABLE "retro_action_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "retro_action_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"retro_id" bigint NOT NULL,
	"first_retro_id" bigint NOT NULL,
	"text" text NOT NULL,
	"owner_id" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"carry_count" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"source_channel" text,
	"source_ts" text,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retro_notes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "retro_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"retro_id" bigint NOT NULL,
	"author_id" text NOT NULL,
	"role" text,
	"text" text NOT NULL,
	"channel" text NOT NULL,
	"ts" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "retros" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "retros_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"kind" text NOT NULL,
	"period_key" text NOT NULL,
	"channel" text NOT NULL,
	"parent_ts" text,
	"snapshot" jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"nudged_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"chart_claimed_at" timestamp with time zone,
	"chart_file_id" text
);
--> statement-breakpoint
CREATE TABLE "voc_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "voc_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" text NOT NULL,
	"quote" text NOT NULL,
	"category" text,
	"competitor" text,
	"lead_id" bigint,
	"account" text,
	"sentiment" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"source_channel" text,
	"source_ts" text,
	"source_thread_ts" text,
	"source_author_id" text,
	"source_permalink" text,
	"captured_by" text NOT NULL,
	"via" text NOT NULL,
	"routed_channel" text,
	"routed_ts" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "retro_action_items" ADD CONSTRAINT "retro_action_items_retro_id_retros_id_fk" FOREIGN KEY ("retro_id") REFERENCES "public"."retros"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retro_action_items" ADD CONSTRAINT "retro_action_items_first_retro_id_retros_id_fk" FOREIGN KEY ("first_retro_id") REFERENCES "public"."retros"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retro_notes" ADD CONSTRAINT "retro_notes_retro_id_retros_id_fk" FOREIGN KEY ("retro_id") REFERENCES "public"."retros"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voc_entries" ADD CONSTRAINT "voc_entries_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retro_action_items_retro" ON "retro_action_items" USING btree ("retro_id");--> statement-breakpoint
CREATE INDEX "retro_action_items_open" ON "retro_action_items" USING btree ("team_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "retro_notes_message" ON "retro_notes" USING btree ("team_id","channel","ts");--> statement-breakpoint
CREATE INDEX "retro_notes_retro" ON "retro_notes" USING btree ("retro_id");--> statement-breakpoint
CREATE UNIQUE INDEX "retros_period" ON "retros" USING btree ("team_id","kind","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "voc_entries_source" ON "voc_entries" USING btree ("team_id","source_channel","source_ts");--> statement-breakpoint
CREATE INDEX "voc_entries_time" ON "voc_entries" USING btree ("team_id","created_at");