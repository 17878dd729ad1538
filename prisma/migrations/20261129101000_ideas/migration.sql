-- Ideas filed on the participation platform, their analysis (recevable, à ajuster, non
-- recevable) and the notes on the support given to their porteurs.

-- CreateEnum
CREATE TYPE "IdeaStatus" AS ENUM ('TO_ANALYSE', 'ELIGIBLE', 'TO_ADJUST', 'INELIGIBLE');

-- CreateTable
CREATE TABLE "Idea" (
    "id" SERIAL NOT NULL,
    "editionId" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "holderName" TEXT NOT NULL,
    "holderKind" "HolderKind",
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "communeId" INTEGER,
    "cantonId" INTEGER,
    "themeId" INTEGER,
    "estimatedCents" INTEGER NOT NULL,
    "isYouth" BOOLEAN NOT NULL DEFAULT false,
    "fieldOfAction" TEXT,
    "status" "IdeaStatus" NOT NULL DEFAULT 'TO_ANALYSE',
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" INTEGER,
    "followedById" INTEGER,
    "onlineVotes" INTEGER NOT NULL DEFAULT 0,
    "projectId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Idea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdeaNote" (
    "id" SERIAL NOT NULL,
    "ideaId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "text" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IdeaNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Idea_reference_key" ON "Idea"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Idea_projectId_key" ON "Idea"("projectId");

-- CreateIndex
CREATE INDEX "Idea_editionId_status_idx" ON "Idea"("editionId", "status");

-- CreateIndex
CREATE INDEX "Idea_cantonId_idx" ON "Idea"("cantonId");

-- CreateIndex
CREATE INDEX "IdeaNote_ideaId_at_idx" ON "IdeaNote"("ideaId", "at");

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_cantonId_fkey" FOREIGN KEY ("cantonId") REFERENCES "Canton"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_followedById_fkey" FOREIGN KEY ("followedById") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaNote" ADD CONSTRAINT "IdeaNote_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdeaNote" ADD CONSTRAINT "IdeaNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
