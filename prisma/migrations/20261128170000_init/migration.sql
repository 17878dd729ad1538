-- Initial schema of the BPC40 assistant (written by hand in Prisma's own style,
-- see README "Décisions": the Prisma migration engine cannot be downloaded here).

-- CreateEnum
CREATE TYPE "HolderKind" AS ENUM ('PERSON', 'ASSOCIATION', 'COLLECTIVE', 'COMMUNE');
CREATE TYPE "ProjectStatus" AS ENUM ('WINNER', 'AGREEMENT_PENDING', 'AGREEMENT_SIGNED', 'IN_PROGRESS', 'COMPLETED', 'INAUGURATED', 'PAID_IN_FULL', 'REPORT_RECEIVED', 'CLOSED', 'ABANDONED');
CREATE TYPE "AgreementStatus" AS ENUM ('DRAFT', 'SENT', 'SIGNED_BY_HOLDER', 'SIGNED', 'CANCELLED');
CREATE TYPE "PaymentKind" AS ENUM ('ADVANCE', 'BALANCE');
CREATE TYPE "PaymentStatus" AS ENUM ('PLANNED', 'SENT', 'CANCELLED');
CREATE TYPE "CheckOutcome" AS ENUM ('COMPLIANT', 'NON_COMPLIANT', 'INCOMPLETE');
CREATE TYPE "EventKind" AS ENUM ('INAUGURATION', 'PUBLIC_MEETING', 'CITIZENS_COMMISSION', 'VOTE_COUNT', 'WORKSHOP', 'STAND', 'OTHER');
CREATE TYPE "EventStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED');
CREATE TYPE "InviteeGroup" AS ENUM ('HOLDER', 'COUNCILLOR', 'MAYOR', 'CABINET', 'COMMUNICATION', 'SECRETARIAT', 'PRESS', 'OTHER');
CREATE TYPE "Rsvp" AS ENUM ('NEEDS_ACTION', 'ACCEPTED', 'DECLINED', 'TENTATIVE');
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');
CREATE TYPE "AgentRole" AS ENUM ('ADMIN', 'AGENT', 'READER');

-- CreateTable
CREATE TABLE "Edition" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "budgetCents" INTEGER NOT NULL,
    "youthShareBp" INTEGER NOT NULL DEFAULT 1000,
    "ideasFiled" INTEGER,
    "ideasVoted" INTEGER,
    "voters" INTEGER,
    "voteStartsAt" TIMESTAMPTZ(3),
    "voteEndsAt" TIMESTAMPTZ(3),
    "resultsAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Edition_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Theme" (
    "id" SERIAL NOT NULL,
    "editionId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Canton" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Canton_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Commune" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "inseeCode" TEXT,
    "cantonId" INTEGER NOT NULL,
    "mayorName" TEXT,
    "mayorEmail" TEXT,
    CONSTRAINT "Commune_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ElectedOfficial" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "cantonId" INTEGER NOT NULL,
    CONSTRAINT "ElectedOfficial_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Holder" (
    "id" SERIAL NOT NULL,
    "kind" "HolderKind" NOT NULL,
    "name" TEXT NOT NULL,
    "contactName" TEXT,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "siret" TEXT,
    "address" TEXT,
    "emailConsent" BOOLEAN NOT NULL DEFAULT false,
    "consentAt" TIMESTAMPTZ(3),
    "unsubscribedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Holder_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Project" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "editionId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "themeId" INTEGER,
    "communeId" INTEGER,
    "cantonId" INTEGER NOT NULL,
    "holderId" INTEGER NOT NULL,
    "followedById" INTEGER,
    "isYouth" BOOLEAN NOT NULL DEFAULT false,
    "votes" INTEGER NOT NULL DEFAULT 0,
    "awardedCents" INTEGER NOT NULL,
    "status" "ProjectStatus" NOT NULL DEFAULT 'WINNER',
    "statusReason" TEXT,
    "announcedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "inauguratedAt" TIMESTAMPTZ(3),
    "reportDueAt" TIMESTAMPTZ(3),
    "reportReceivedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "abandonedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Agreement" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "advanceShareBp" INTEGER NOT NULL DEFAULT 5000,
    "status" "AgreementStatus" NOT NULL DEFAULT 'DRAFT',
    "draftedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "holderSignedAt" TIMESTAMPTZ(3),
    "departmentSignedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Payment" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "agreementId" INTEGER,
    "kind" "PaymentKind" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "astreMandate" TEXT,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PLANNED',
    "plannedAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "recordedById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Invoice" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "supplier" TEXT NOT NULL,
    "supplierKey" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "InvoiceCheck" (
    "id" SERIAL NOT NULL,
    "invoiceId" INTEGER NOT NULL,
    "eligibleCents" INTEGER NOT NULL,
    "outcome" "CheckOutcome" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "missingItems" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "checkedById" INTEGER,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InvoiceCheck_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Room" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "site" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    CONSTRAINT "Room_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "uid" TEXT NOT NULL,
    "kind" "EventKind" NOT NULL,
    "projectId" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "roomId" INTEGER,
    "address" TEXT,
    "status" "EventStatus" NOT NULL DEFAULT 'PLANNED',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "organizerId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Invitation" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "group" "InviteeGroup" NOT NULL DEFAULT 'OTHER',
    "rsvp" "Rsvp" NOT NULL DEFAULT 'NEEDS_ACTION',
    "respondedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "template" TEXT NOT NULL,
    "recipientEmail" TEXT NOT NULL,
    "recipientName" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "idempotencyKey" TEXT NOT NULL,
    "essential" BOOLEAN NOT NULL DEFAULT true,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "messageId" TEXT,
    "projectId" INTEGER,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Agent" (
    "id" SERIAL NOT NULL,
    "aadObjectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "role" "AgentRole" NOT NULL DEFAULT 'READER',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Agent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ConversationReference" (
    "id" SERIAL NOT NULL,
    "conversationId" TEXT NOT NULL,
    "conversationType" TEXT NOT NULL,
    "serviceUrl" TEXT NOT NULL,
    "tenantId" TEXT,
    "agentId" INTEGER,
    "reference" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ConversationReference_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Edition_year_key" ON "Edition"("year");
CREATE UNIQUE INDEX "Theme_editionId_name_key" ON "Theme"("editionId", "name");
CREATE UNIQUE INDEX "Canton_slug_key" ON "Canton"("slug");
CREATE UNIQUE INDEX "Canton_name_key" ON "Canton"("name");
CREATE UNIQUE INDEX "Commune_inseeCode_key" ON "Commune"("inseeCode");
CREATE INDEX "Commune_cantonId_idx" ON "Commune"("cantonId");
CREATE UNIQUE INDEX "Commune_name_cantonId_key" ON "Commune"("name", "cantonId");
CREATE UNIQUE INDEX "ElectedOfficial_email_key" ON "ElectedOfficial"("email");
CREATE INDEX "ElectedOfficial_cantonId_idx" ON "ElectedOfficial"("cantonId");
CREATE INDEX "Holder_email_idx" ON "Holder"("email");
CREATE UNIQUE INDEX "Project_reference_key" ON "Project"("reference");
CREATE INDEX "Project_cantonId_idx" ON "Project"("cantonId");
CREATE INDEX "Project_status_idx" ON "Project"("status");
CREATE INDEX "Project_holderId_idx" ON "Project"("holderId");
CREATE INDEX "Project_followedById_idx" ON "Project"("followedById");
CREATE INDEX "Project_reportDueAt_idx" ON "Project"("reportDueAt");
CREATE UNIQUE INDEX "Project_editionId_number_key" ON "Project"("editionId", "number");
CREATE UNIQUE INDEX "Agreement_reference_key" ON "Agreement"("reference");
CREATE INDEX "Agreement_projectId_idx" ON "Agreement"("projectId");
CREATE INDEX "Agreement_status_sentAt_idx" ON "Agreement"("status", "sentAt");
CREATE INDEX "Payment_projectId_idx" ON "Payment"("projectId");
CREATE INDEX "Payment_status_plannedAt_idx" ON "Payment"("status", "plannedAt");
CREATE INDEX "Invoice_projectId_idx" ON "Invoice"("projectId");
CREATE UNIQUE INDEX "Invoice_projectId_supplierKey_number_key" ON "Invoice"("projectId", "supplierKey", "number");
CREATE INDEX "InvoiceCheck_invoiceId_checkedAt_idx" ON "InvoiceCheck"("invoiceId", "checkedAt");
CREATE UNIQUE INDEX "Room_site_name_key" ON "Room"("site", "name");
CREATE UNIQUE INDEX "Event_uid_key" ON "Event"("uid");
CREATE INDEX "Event_startsAt_idx" ON "Event"("startsAt");
CREATE INDEX "Event_roomId_startsAt_idx" ON "Event"("roomId", "startsAt");
CREATE INDEX "Event_projectId_idx" ON "Event"("projectId");
CREATE UNIQUE INDEX "Invitation_eventId_email_key" ON "Invitation"("eventId", "email");
CREATE UNIQUE INDEX "Notification_idempotencyKey_key" ON "Notification"("idempotencyKey");
CREATE INDEX "Notification_status_createdAt_idx" ON "Notification"("status", "createdAt");
CREATE INDEX "Notification_projectId_idx" ON "Notification"("projectId");
CREATE UNIQUE INDEX "Agent_aadObjectId_key" ON "Agent"("aadObjectId");
CREATE UNIQUE INDEX "ConversationReference_conversationId_key" ON "ConversationReference"("conversationId");
CREATE INDEX "ConversationReference_agentId_idx" ON "ConversationReference"("agentId");
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Commune" ADD CONSTRAINT "Commune_cantonId_fkey" FOREIGN KEY ("cantonId") REFERENCES "Canton"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ElectedOfficial" ADD CONSTRAINT "ElectedOfficial_cantonId_fkey" FOREIGN KEY ("cantonId") REFERENCES "Canton"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Project" ADD CONSTRAINT "Project_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Project" ADD CONSTRAINT "Project_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Project" ADD CONSTRAINT "Project_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Project" ADD CONSTRAINT "Project_cantonId_fkey" FOREIGN KEY ("cantonId") REFERENCES "Canton"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Project" ADD CONSTRAINT "Project_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "Holder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Project" ADD CONSTRAINT "Project_followedById_fkey" FOREIGN KEY ("followedById") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InvoiceCheck" ADD CONSTRAINT "InvoiceCheck_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InvoiceCheck" ADD CONSTRAINT "InvoiceCheck_checkedById_fkey" FOREIGN KEY ("checkedById") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Event" ADD CONSTRAINT "Event_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Event" ADD CONSTRAINT "Event_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Event" ADD CONSTRAINT "Event_organizerId_fkey" FOREIGN KEY ("organizerId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ConversationReference" ADD CONSTRAINT "ConversationReference_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;
