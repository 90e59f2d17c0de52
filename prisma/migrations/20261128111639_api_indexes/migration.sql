-- CreateIndex
CREATE INDEX "valuations_roll_rate_number_id_idx" ON "valuations"("roll", "rate_number", "id");

-- CreateIndex
CREATE INDEX "valuations_roll_title_type_id_idx" ON "valuations"("roll", "title_type", "id");

-- CreateIndex
CREATE INDEX "valuations_roll_suburb_name_id_idx" ON "valuations"("roll", "suburb_name", "id");

-- CreateIndex
CREATE INDEX "valuations_roll_legal_description_id_idx" ON "valuations"("roll", "legal_description", "id");

-- CreateIndex
CREATE INDEX "valuations_roll_address_id_idx" ON "valuations"("roll", "address", "id");

-- CreateIndex
CREATE INDEX "valuations_roll_street_name_id_idx" ON "valuations"("roll", "street_name", "id");

-- CreateIndex
CREATE INDEX "valuations_roll_first_owner_id_idx" ON "valuations"("roll", "first_owner", "id");

-- CreateIndex
CREATE INDEX "valuations_roll_use_code_id_idx" ON "valuations"("roll", "use_code", "id");

-- CreateIndex
CREATE INDEX "valuations_roll_rating_category_id_idx" ON "valuations"("roll", "rating_category", "id");

-- CreateIndex
CREATE INDEX "valuations_roll_market_value_id_idx" ON "valuations"("roll", "market_value", "id");

-- CreateIndex
CREATE INDEX "valuations_roll_registered_extent_id_idx" ON "valuations"("roll", "registered_extent", "id");

-- CreateIndex
CREATE INDEX "valuations_roll_last_changed_at_id_idx" ON "valuations"("roll", "last_changed_at", "id");

-- CreateIndex
CREATE INDEX "valuations_first_owner_trgm_idx" ON "valuations" USING GIN ("first_owner" gin_trgm_ops);
