-- CreateEnum
CREATE TYPE "roll_link_method" AS ENUM ('rate-number', 'legal-description', 'subdivision', 'consolidation', 'scheme');

-- CreateTable
CREATE TABLE "roll_links" (
    "id" BIGSERIAL NOT NULL,
    "from_roll" VARCHAR(8) NOT NULL,
    "from_title_type" "title_type" NOT NULL,
    "from_rate_number" VARCHAR(32) NOT NULL,
    "to_roll" VARCHAR(8) NOT NULL,
    "to_title_type" "title_type" NOT NULL,
    "to_rate_number" VARCHAR(32) NOT NULL,
    "method" "roll_link_method" NOT NULL,

    CONSTRAINT "roll_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "roll_link_sets" (
    "from_roll" VARCHAR(8) NOT NULL,
    "to_roll" VARCHAR(8) NOT NULL,
    "linked_at" TIMESTAMPTZ(3) NOT NULL,
    "links" INTEGER NOT NULL,
    "by_method" JSONB NOT NULL,
    "gone" INTEGER NOT NULL,
    "added" INTEGER NOT NULL,

    CONSTRAINT "roll_link_sets_pkey" PRIMARY KEY ("from_roll","to_roll")
);

-- CreateIndex
CREATE INDEX "roll_links_to_roll_to_title_type_to_rate_number_from_roll_idx" ON "roll_links"("to_roll", "to_title_type", "to_rate_number", "from_roll");

-- CreateIndex
CREATE UNIQUE INDEX "roll_links_from_roll_from_title_type_from_rate_number_to_ro_key" ON "roll_links"("from_roll", "from_title_type", "from_rate_number", "to_roll", "to_title_type", "to_rate_number");
