CREATE TABLE "budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"activity" text NOT NULL,
	"name" text NOT NULL,
	"currency" char(3) NOT NULL,
	"planned_minor" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contribution_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"contribution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"occurred_on" date NOT NULL,
	"corrects" bigint,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contribution_lines" (
	"contribution_id" uuid NOT NULL,
	"budget_line_id" uuid NOT NULL,
	CONSTRAINT "contribution_lines_contribution_id_budget_line_id_pk" PRIMARY KEY("contribution_id","budget_line_id")
);
--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"description" text,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint,
	"pledged_on" date,
	"acknowledged" boolean DEFAULT false NOT NULL,
	"sponsor_level" text,
	"source" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"budget_line_id" uuid NOT NULL,
	"contribution_id" uuid,
	"spent_on" date NOT NULL,
	"payee" text NOT NULL,
	"description" text,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"receipt_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipt_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_entries" ADD CONSTRAINT "contribution_entries_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_entries" ADD CONSTRAINT "contribution_entries_corrects_contribution_entries_id_fk" FOREIGN KEY ("corrects") REFERENCES "public"."contribution_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_entries" ADD CONSTRAINT "contribution_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_lines" ADD CONSTRAINT "contribution_lines_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_lines" ADD CONSTRAINT "contribution_lines_budget_line_id_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_budget_line_id_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_receipt_id_receipt_files_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."receipt_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenses" ADD CONSTRAINT "expenses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipt_files" ADD CONSTRAINT "receipt_files_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_lines_edition_idx" ON "budget_lines" USING btree ("edition_id");--> statement-breakpoint
CREATE INDEX "contribution_entries_contribution_idx" ON "contribution_entries" USING btree ("contribution_id");--> statement-breakpoint
CREATE INDEX "contributions_edition_idx" ON "contributions" USING btree ("edition_id");--> statement-breakpoint
CREATE INDEX "contributions_institution_idx" ON "contributions" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "expenses_edition_idx" ON "expenses" USING btree ("edition_id");--> statement-breakpoint
CREATE INDEX "expenses_line_idx" ON "expenses" USING btree ("budget_line_id");--> statement-breakpoint
CREATE INDEX "expenses_contribution_idx" ON "expenses" USING btree ("contribution_id");--> statement-breakpoint
CREATE FUNCTION "contribution_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The ledger of money received is append-only: corrections are new entries (decision 0012).
  -- A DELETE is allowed only when it cascades from deleting the contribution or its edition.
  IF TG_OP = 'UPDATE' OR pg_trigger_depth() <= 1 THEN
    RAISE EXCEPTION 'contribution_entries is append-only' USING ERRCODE = 'P0001';
  END IF;
  RETURN OLD;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "contribution_entries_append_only" BEFORE UPDATE OR DELETE ON "contribution_entries" FOR EACH ROW EXECUTE FUNCTION "contribution_entries_append_only"();
