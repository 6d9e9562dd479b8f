-- Days in stage count each stage's stays per length class over a period from this index alone
-- (issue 16): the table's rows also carry every stay's length, so reading them for the counts cost
-- a year's report ~75 ms at bench scale. Written only by the rollup job.
CREATE INDEX "funnel_daily_stays_counts" ON "funnel_daily_stays" USING btree ("team_id","stage","day") INCLUDE ("bucket","stays");
--> statement-breakpoint
-- Index-only only where vacuum marked the pages all-visible: the job adds a few hundred rows a day,
-- so vacuum them after every thousand inserted instead of after a fifth of the table (weeks).
ALTER TABLE "funnel_daily_stays" SET (autovacuum_vacuum_insert_scale_factor = 0);
