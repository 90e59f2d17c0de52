-- A legal description phrase whose only rare part is a short number ("portion 27 of") found its
-- rows through trigrams that stop at the phrase's spaces (" 27", "27 "), which thousands of rows
-- share. With every space folded to a `q` the phrase is one word to pg_trgm, and its trigrams span
-- the spaces ("nq2", "7qo"): lib/valuations/search-sql.ts (foldedPhraseCondition) looks phrases up
-- here. An expression index, which schema.prisma cannot declare (the migration generator leaves it alone).
-- CreateIndex
CREATE INDEX "valuations_search_text_folded_trgm_idx" ON "valuations" USING GIN (replace("search_text", ' ', 'q') gin_trgm_ops);
