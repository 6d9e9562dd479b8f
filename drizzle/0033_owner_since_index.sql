-- `/baton roster` shows when each seller last got a lead: max(owner_since) per owner read every owned lead
-- of the team (~520 ms at 1M leads); with this index it is one backward probe per member. Partial:
-- an unowned lead (most intake) adds no entry.
CREATE INDEX "leads_owner_since" ON "leads" USING btree ("team_id","owner_id","owner_since") WHERE "leads"."owner_id" is not null;