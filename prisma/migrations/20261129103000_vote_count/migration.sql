-- The vote count (paper tallies entered twice by two agents) and the selection rules of each
-- edition, with the outcome the publication writes on each idea.

-- AlterTable
ALTER TABLE "Edition" ADD COLUMN "ideaCapCents" INTEGER NOT NULL DEFAULT 5000000,
ADD COLUMN "youthIdeaCapCents" INTEGER NOT NULL DEFAULT 3000000,
ADD COLUMN "exceptionalCapCents" INTEGER,
ADD COLUMN "exceptionalSlots" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "winnersPerCanton" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "youthWinnersPerCanton" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "publishedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Idea" ADD COLUMN "rank" INTEGER,
ADD COLUMN "won" BOOLEAN,
ADD COLUMN "selectionReason" TEXT;

-- CreateTable
CREATE TABLE "PollingPlace" (
    "id" SERIAL NOT NULL,
    "editionId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "communeId" INTEGER,
    "cantonId" INTEGER,
    "acceptedEntryId" INTEGER,
    "acceptedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "PollingPlace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TallyEntry" (
    "id" SERIAL NOT NULL,
    "pollingPlaceId" INTEGER NOT NULL,
    "agentId" INTEGER NOT NULL,
    "enteredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TallyEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TallyLine" (
    "entryId" INTEGER NOT NULL,
    "ideaId" INTEGER NOT NULL,
    "votes" INTEGER NOT NULL,
    CONSTRAINT "TallyLine_pkey" PRIMARY KEY ("entryId","ideaId"),
    CONSTRAINT "TallyLine_votes_check" CHECK ("votes" >= 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "PollingPlace_acceptedEntryId_key" ON "PollingPlace"("acceptedEntryId");

-- CreateIndex
CREATE INDEX "PollingPlace_cantonId_idx" ON "PollingPlace"("cantonId");

-- CreateIndex
CREATE UNIQUE INDEX "PollingPlace_editionId_name_key" ON "PollingPlace"("editionId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "TallyEntry_pollingPlaceId_agentId_key" ON "TallyEntry"("pollingPlaceId", "agentId");

-- CreateIndex
CREATE INDEX "TallyLine_ideaId_idx" ON "TallyLine"("ideaId");

-- AddForeignKey
ALTER TABLE "PollingPlace" ADD CONSTRAINT "PollingPlace_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollingPlace" ADD CONSTRAINT "PollingPlace_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollingPlace" ADD CONSTRAINT "PollingPlace_cantonId_fkey" FOREIGN KEY ("cantonId") REFERENCES "Canton"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollingPlace" ADD CONSTRAINT "PollingPlace_acceptedEntryId_fkey" FOREIGN KEY ("acceptedEntryId") REFERENCES "TallyEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TallyEntry" ADD CONSTRAINT "TallyEntry_pollingPlaceId_fkey" FOREIGN KEY ("pollingPlaceId") REFERENCES "PollingPlace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TallyEntry" ADD CONSTRAINT "TallyEntry_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TallyLine" ADD CONSTRAINT "TallyLine_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "TallyEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TallyLine" ADD CONSTRAINT "TallyLine_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
