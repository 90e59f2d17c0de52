-- CreateIndex
CREATE INDEX "valuation_changes_changed_at_id_idx" ON "valuation_changes"("changed_at" DESC, "id" DESC);
