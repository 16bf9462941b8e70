CREATE TABLE "session_limits" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"places" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_limits" ADD CONSTRAINT "session_limits_session_id_programme_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."programme_sessions"("id") ON DELETE cascade ON UPDATE no action;