ALTER TABLE "retro_action_items" ADD COLUMN "view_id" text;--> statement-breakpoint
ALTER TABLE "voc_entries" ADD COLUMN "view_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "retro_action_items_view" ON "retro_action_items" USING btree ("team_id","view_id");--> statement-breakpoint
CREATE UNIQUE INDEX "voc_entries_view" ON "voc_entries" USING btree ("team_id","view_id");--> statement-breakpoint
ALTER TABLE "retros" DROP COLUMN "chart_file_id";