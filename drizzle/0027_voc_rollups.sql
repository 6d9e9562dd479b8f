CREATE TABLE "voc_rollup_competitors" (
	"team_id" text NOT NULL,
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"category" text,
	"key" text NOT NULL,
	"entries" integer NOT NULL,
	"first_name" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"first_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voc_rollup_tags" (
	"team_id" text NOT NULL,
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"category" text,
	"tag" text NOT NULL,
	"entries" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voc_rollups" (
	"team_id" text NOT NULL,
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"category" text,
	"entries" integer NOT NULL,
	"newest_at" timestamp with time zone NOT NULL,
	"newest_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "voc_rollup_competitors_day" ON "voc_rollup_competitors" USING btree ("team_id","grain","day");--> statement-breakpoint
CREATE INDEX "voc_rollup_tags_day" ON "voc_rollup_tags" USING btree ("team_id","grain","day","tag");--> statement-breakpoint
CREATE INDEX "voc_rollups_day" ON "voc_rollups" USING btree ("team_id","grain","day");