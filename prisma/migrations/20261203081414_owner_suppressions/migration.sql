-- CreateTable
CREATE TABLE "owner_suppressions" (
    "id" SERIAL NOT NULL,
    "roll" VARCHAR(8) NOT NULL,
    "title_type" "title_type" NOT NULL,
    "rate_number" VARCHAR(32) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "owner_suppressions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "owner_suppressions_roll_title_type_rate_number_key" ON "owner_suppressions"("roll", "title_type", "rate_number");
