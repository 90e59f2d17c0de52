-- No query reads valuations by last_seen_run_id (the removal pass filters on `<>`, which no btree
-- serves), and marking a row seen changed this indexed column, so that update could never be HOT.
-- DropIndex
DROP INDEX "valuations_last_seen_run_id_idx";

-- A suburb's properties sorted by value: one index range scan instead of paging the roll's value index.
-- CreateIndex
CREATE INDEX "valuations_roll_suburb_name_market_value_id_idx" ON "valuations"("roll", "suburb_name", "market_value", "id");
