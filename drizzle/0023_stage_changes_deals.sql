-- Flow's deal figures read only the moves into the won stages and into Lost (issue 16): each lead's
-- last win of the period needs lead_id and id, which stage_changes_flow does not carry, so that query
-- visited the table for every move of the period. This index serves it, and the retro's lost reasons,
-- from the index alone (drizzle cannot express INCLUDE; src/db/schema.ts declares the same key).
CREATE INDEX "stage_changes_deals" ON "stage_changes" USING btree ("team_id","to_stage","entered_at") INCLUDE ("lead_id","id","from_stage","competitor","currency","amount","reason");
