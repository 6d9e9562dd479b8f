-- `/lead <text>` and the VOC modal's lead picker search leads by part of the company or name
-- (ILIKE '%text%'): without an index that scanned every lead of the team, ~0.9-5.6 s at 1M leads,
-- past the 3 s Slack gives an options request. pg_trgm ships with PostgreSQL (contrib) and is a
-- trusted extension (the database owner may create it); PGlite bundles it (src/db/pglite-settings.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "leads_search" ON "leads" USING gin ((coalesce("company", '') || ' ' || coalesce("name", '')) gin_trgm_ops);--> statement-breakpoint
-- The planner needs the expression's statistics to tell a rare word (read the index) from a common one
-- (walk the newest leads): a new expression index has none until the next ANALYZE, which autovacuum
-- may not run for weeks on a large table and PGlite never runs by itself.
ANALYZE "leads";
