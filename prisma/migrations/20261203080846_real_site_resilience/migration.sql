-- AlterTable
ALTER TABLE "scrape_runs" ADD COLUMN     "cross_check" JSONB,
ADD COLUMN     "odd_cell_examples" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "odd_cells" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paused_ms" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "paused_until" TIMESTAMPTZ(3),
ADD COLUMN     "rows_recovered" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rows_verified" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "warnings" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "scrape_tasks" ADD COLUMN     "verified_by" VARCHAR(16);

-- AlterTable
ALTER TABLE "valuations" ADD COLUMN     "detail_href" TEXT;

-- CreateTable
CREATE TABLE "site_probes" (
    "id" SERIAL NOT NULL,
    "roll" VARCHAR(8) NOT NULL,
    "base_url" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "ok" BOOLEAN NOT NULL DEFAULT false,
    "report" JSONB,
    "summary" TEXT,
    "triggered_by" TEXT,

    CONSTRAINT "site_probes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "site_probes_roll_started_at_idx" ON "site_probes"("roll", "started_at");
