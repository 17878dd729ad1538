-- CreateIndex
CREATE INDEX "Payment_status_sentAt_idx" ON "Payment"("status", "sentAt");
