-- CreateTable
CREATE TABLE "objection_facts" (
    "roll" VARCHAR(8) NOT NULL,
    "key" VARCHAR(32) NOT NULL,
    "value" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "objection_facts_pkey" PRIMARY KEY ("roll","key")
);

-- Comparables and scheme feeds find a sectional scheme's units by name in any case. An expression
-- index, which schema.prisma cannot declare (the migration generator leaves it alone).
CREATE INDEX "valuations_roll_upper_scheme_name_idx" ON "valuations"("roll", upper("scheme_name")) WHERE "scheme_name" IS NOT NULL;
