CREATE TABLE "config_versions" (
	"team_id" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"via" text NOT NULL,
	"source" text,
	"document" jsonb NOT NULL,
	"managed" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	CONSTRAINT "config_versions_team_id_version_pk" PRIMARY KEY("team_id","version"),
	CONSTRAINT "config_versions_via" CHECK ("config_versions"."via" in ('file', 'slack', 'api', 'restore'))
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "config_version" integer;