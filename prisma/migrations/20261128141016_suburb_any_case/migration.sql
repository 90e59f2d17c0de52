-- The suburb filter matches a name in any case: upper(suburb_name) = upper(given). A mixed-case
-- name ("KAFIRDRIFT No 906") was matched as IN (given, capitals), which no index returns in value
-- order, so a small suburb sorted by value paged through the roll's value index (up to 0.5 s at 1M).
-- An expression index, which schema.prisma cannot declare (the migration generator leaves it alone).
-- DropIndex
DROP INDEX "valuations_roll_suburb_name_market_value_id_idx";

-- CreateIndex
CREATE INDEX "valuations_roll_upper_suburb_name_market_value_id_idx" ON "valuations"("roll", upper("suburb_name"), "market_value", "id");
