CREATE TABLE "webhook_secrets" (
	"team_id" text NOT NULL,
	"name" text NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_secrets_team_id_name_pk" PRIMARY KEY("team_id","name")
);
