import { describe, expect, it } from "vitest";
import { advanceStatus, type StatusFacts } from "../../domain/projects/advance-status.ts";
import type { ProjectStatus } from "../../prisma/generated/enums.ts";

const none: StatusFacts = { agreementStatus: null, sentPayments: 0, balanceSent: false };
const draft: StatusFacts = { ...none, agreementStatus: "DRAFT" };
const sent: StatusFacts = { ...none, agreementStatus: "SENT" };
const holderSigned: StatusFacts = { ...none, agreementStatus: "SIGNED_BY_HOLDER" };
const signed: StatusFacts = { ...none, agreementStatus: "SIGNED" };
const advancePaid: StatusFacts = { ...signed, sentPayments: 1 };
const balancePaid: StatusFacts = { ...signed, sentPayments: 2, balanceSent: true };

describe("advanceStatus: the lifecycle status follows the facts", () => {
  it.each<[ProjectStatus, StatusFacts, ProjectStatus]>([
    ["WINNER", none, "WINNER"],
    ["WINNER", draft, "WINNER"],
    ["WINNER", sent, "AGREEMENT_PENDING"],
    ["WINNER", holderSigned, "AGREEMENT_PENDING"],
    ["AGREEMENT_PENDING", signed, "AGREEMENT_SIGNED"],
    ["AGREEMENT_SIGNED", advancePaid, "IN_PROGRESS"],
    ["IN_PROGRESS", balancePaid, "PAID_IN_FULL"],
    // a cancelled convention (no current one) brings an early project back
    ["AGREEMENT_PENDING", none, "WINNER"],
    ["AGREEMENT_SIGNED", sent, "AGREEMENT_PENDING"],
    // statuses set by hand: facts only move them forward
    ["COMPLETED", advancePaid, "COMPLETED"],
    ["COMPLETED", sent, "COMPLETED"],
    ["COMPLETED", balancePaid, "PAID_IN_FULL"],
    ["INAUGURATED", balancePaid, "PAID_IN_FULL"],
    ["INAUGURATED", none, "INAUGURATED"],
    ["REPORT_RECEIVED", balancePaid, "REPORT_RECEIVED"],
    ["REPORT_RECEIVED", none, "REPORT_RECEIVED"],
    // terminal
    ["CLOSED", balancePaid, "CLOSED"],
    ["ABANDONED", signed, "ABANDONED"],
    ["ABANDONED", balancePaid, "ABANDONED"],
  ])("%s with %o → %s", (current, facts, expected) => {
    expect(advanceStatus(current, facts)).toBe(expected);
  });
});
