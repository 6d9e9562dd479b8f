CREATE TABLE "voc_daily" (
	"team_id" text NOT NULL,
	"day" date NOT NULL,
	"category" text,
	"entries" integer NOT NULL,
	"newest_at" timestamp with time zone NOT NULL,
	"newest_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voc_daily_competitors" (
	"team_id" text NOT NULL,
	"day" date NOT NULL,
	"category" text,
	"key" text NOT NULL,
	"entries" integer NOT NULL,
	"first_name" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"first_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voc_daily_tags" (
	"team_id" text NOT NULL,
	"day" date NOT NULL,
	"category" text,
	"tag" text NOT NULL,
	"entries" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "voc_daily_day" ON "voc_daily" USING btree ("team_id","day");--> statement-breakpoint
CREATE INDEX "voc_daily_competitors_day" ON "voc_daily_competitors" USING btree ("team_id","day");--> statement-breakpoint
CREATE INDEX "voc_daily_tags_day" ON "voc_daily_tags" USING btree ("team_id","day");