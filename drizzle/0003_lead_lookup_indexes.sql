CREATE INDEX "leads_company" ON "leads" USING btree ("team_id",lower(btrim("company")));--> statement-breakpoint
CREATE INDEX "leads_card" ON "leads" USING btree ("team_id","card_channel","card_ts");