-- The outbox can skip a non-essential e-mail (no consent, or unsubscribed), and
-- one-click unsubscribes are kept by address.

-- AlterEnum
ALTER TYPE "NotificationStatus" ADD VALUE 'SKIPPED';

-- CreateTable
CREATE TABLE "EmailOptOut" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" TEXT NOT NULL DEFAULT 'list-unsubscribe',
    CONSTRAINT "EmailOptOut_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailOptOut_email_key" ON "EmailOptOut"("email");
