-- DropIndex
DROP INDEX "valuations_roll_rate_number_id_idx";

-- CreateIndex
CREATE INDEX "valuations_roll_rate_number_id_search_text_removed_at_idx" ON "valuations"("roll", "rate_number", "id", "search_text", "removed_at");

-- The exact and prefix tiers of a relevance search when q is not all digits. An expression index,
-- which schema.prisma cannot declare (the migration generator leaves it alone).
CREATE INDEX "valuations_roll_lower_rate_number_idx" ON "valuations"("roll", lower("rate_number") text_pattern_ops);
