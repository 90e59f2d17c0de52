-- CreateEnum
CREATE TYPE "roll_kind" AS ENUM ('general', 'supplementary');

-- CreateEnum
CREATE TYPE "roll_status" AS ENUM ('planned', 'active', 'archived');

-- CreateTable
CREATE TABLE "rolls" (
    "id" VARCHAR(8) NOT NULL,
    "label" VARCHAR(40) NOT NULL,
    "base_url" TEXT,
    "valuation_date" DATE,
    "effective_from" DATE NOT NULL,
    "effective_to" DATE,
    "kind" "roll_kind" NOT NULL DEFAULT 'general',
    "status" "roll_status" NOT NULL DEFAULT 'planned',
    "probe_id" INTEGER,
    "probe_verdict" VARCHAR(16),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rolls_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rolls_effective_from_idx" ON "rolls"("effective_from");

-- AddForeignKey
ALTER TABLE "rolls" ADD CONSTRAINT "rolls_probe_id_fkey" FOREIGN KEY ("probe_id") REFERENCES "site_probes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Seed: the rolls the product knew as constants before the registry. GV2022 stays active (its site
-- is still up and deployments refresh it nightly); GV2026's address is presumed from the older
-- rolls' pattern and unconfirmed, so it starts planned: an admin confirms it in /admin (the probe
-- runs on save) and makes it active.
INSERT INTO "rolls" ("id", "label", "base_url", "valuation_date", "effective_from", "effective_to", "kind", "status") VALUES
    ('gv2012', 'GV 2012', 'http://valuation2012.durban.gov.za/', '2011-07-02', '2012-07-01', '2017-06-30', 'general', 'archived'),
    ('gv2017', 'GV 2017', 'http://valuation2017.durban.gov.za/', '2016-07-02', '2017-07-01', '2022-06-30', 'general', 'archived'),
    ('gv2022', 'GV 2022', 'http://valuation2022.durban.gov.za/', '2021-07-02', '2022-07-01', '2026-06-30', 'general', 'active'),
    ('gv2026', 'GV 2026', 'http://valuation2026.durban.gov.za/', '2025-07-01', '2026-07-01', NULL, 'general', 'planned');
