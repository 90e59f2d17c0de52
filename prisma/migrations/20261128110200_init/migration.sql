-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "title_type" AS ENUM ('full', 'sectional');

-- CreateEnum
CREATE TYPE "run_status" AS ENUM ('running', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "run_trigger" AS ENUM ('cli', 'cron', 'admin', 'demo');

-- CreateEnum
CREATE TYPE "task_status" AS ENUM ('pending', 'running', 'done', 'failed');

-- CreateEnum
CREATE TYPE "change_kind" AS ENUM ('added', 'changed', 'removed', 'restored');

-- CreateTable
CREATE TABLE "valuations" (
    "id" BIGSERIAL NOT NULL,
    "roll" VARCHAR(8) NOT NULL,
    "title_type" "title_type" NOT NULL,
    "rate_number" VARCHAR(32) NOT NULL,
    "suburb_id" VARCHAR(16) NOT NULL,
    "suburb_name" TEXT NOT NULL,
    "pin" VARCHAR(16),
    "displayed" JSONB NOT NULL,
    "legal_description" TEXT NOT NULL,
    "erf_number" TEXT,
    "portion_number" TEXT,
    "is_remainder" BOOLEAN NOT NULL DEFAULT false,
    "township" TEXT,
    "is_farm" BOOLEAN NOT NULL DEFAULT false,
    "scheme_name" TEXT,
    "section_number" TEXT,
    "address" TEXT NOT NULL,
    "street_number" TEXT,
    "street_name" TEXT,
    "locality" TEXT,
    "first_owner" TEXT,
    "use_code" INTEGER,
    "use_description" TEXT,
    "rating_category" TEXT,
    "market_value" BIGINT,
    "registered_extent" DECIMAL(14,2),
    "search_text" TEXT NOT NULL,
    "detail" JSONB,
    "detail_fetched_at" TIMESTAMPTZ(3),
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_changed_at" TIMESTAMPTZ(3) NOT NULL,
    "removed_at" TIMESTAMPTZ(3),
    "first_seen_run_id" INTEGER NOT NULL,
    "last_seen_run_id" INTEGER NOT NULL,

    CONSTRAINT "valuations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "valuation_changes" (
    "id" BIGSERIAL NOT NULL,
    "valuation_id" BIGINT NOT NULL,
    "run_id" INTEGER NOT NULL,
    "kind" "change_kind" NOT NULL,
    "fields" TEXT[],
    "before" JSONB,
    "after" JSONB,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "valuation_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scrape_runs" (
    "id" SERIAL NOT NULL,
    "roll" VARCHAR(8) NOT NULL,
    "trigger" "run_trigger" NOT NULL,
    "triggered_by" TEXT,
    "status" "run_status" NOT NULL DEFAULT 'running',
    "base_url" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "whole_roll" BOOLEAN NOT NULL DEFAULT false,
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "source_dates" JSONB,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancel_requested_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "tasks_total" INTEGER NOT NULL DEFAULT 0,
    "tasks_done" INTEGER NOT NULL DEFAULT 0,
    "tasks_failed" INTEGER NOT NULL DEFAULT 0,
    "rows_seen" INTEGER NOT NULL DEFAULT 0,
    "rows_added" INTEGER NOT NULL DEFAULT 0,
    "rows_changed" INTEGER NOT NULL DEFAULT 0,
    "rows_unchanged" INTEGER NOT NULL DEFAULT 0,
    "rows_removed" INTEGER NOT NULL DEFAULT 0,
    "details_fetched" INTEGER NOT NULL DEFAULT 0,
    "anomalies" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "scrape_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scrape_tasks" (
    "id" SERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "title_type" "title_type" NOT NULL,
    "suburb_id" VARCHAR(16) NOT NULL,
    "suburb_name" TEXT NOT NULL,
    "status" "task_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expected_rows" INTEGER,
    "parsed_rows" INTEGER,
    "rows_added" INTEGER NOT NULL DEFAULT 0,
    "rows_changed" INTEGER NOT NULL DEFAULT 0,
    "url" TEXT,
    "error" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "scrape_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "valuations_roll_suburb_id_idx" ON "valuations"("roll", "suburb_id");

-- CreateIndex
CREATE INDEX "valuations_last_seen_run_id_idx" ON "valuations"("last_seen_run_id");

-- CreateIndex
CREATE INDEX "valuations_search_text_trgm_idx" ON "valuations" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "valuations_roll_title_type_rate_number_key" ON "valuations"("roll", "title_type", "rate_number");

-- CreateIndex
CREATE INDEX "valuation_changes_valuation_id_changed_at_idx" ON "valuation_changes"("valuation_id", "changed_at");

-- CreateIndex
CREATE INDEX "valuation_changes_run_id_kind_idx" ON "valuation_changes"("run_id", "kind");

-- CreateIndex
CREATE INDEX "scrape_runs_roll_status_started_at_idx" ON "scrape_runs"("roll", "status", "started_at");

-- CreateIndex
CREATE INDEX "scrape_tasks_run_id_status_idx" ON "scrape_tasks"("run_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "scrape_tasks_run_id_title_type_suburb_id_key" ON "scrape_tasks"("run_id", "title_type", "suburb_id");

-- AddForeignKey
ALTER TABLE "valuation_changes" ADD CONSTRAINT "valuation_changes_valuation_id_fkey" FOREIGN KEY ("valuation_id") REFERENCES "valuations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "valuation_changes" ADD CONSTRAINT "valuation_changes_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "scrape_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scrape_tasks" ADD CONSTRAINT "scrape_tasks_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "scrape_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
