ALTER TABLE "programme_sessions" ADD COLUMN "guid" text;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD COLUMN "source_id" integer;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD COLUMN "slug" text;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD COLUMN "url" text;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD COLUMN "links" jsonb;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "guid" text;