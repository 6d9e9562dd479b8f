DROP INDEX "jobs_due";--> statement-breakpoint
CREATE INDEX "jobs_pending_due" ON "jobs" USING btree ("run_at","id") WHERE "jobs"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "jobs_running_lock" ON "jobs" USING btree ("locked_until") WHERE "jobs"."status" = 'running';