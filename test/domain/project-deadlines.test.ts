import { describe, expect, it } from "vitest";
import { parisDaysFrom, parisTime } from "../../domain/dates/paris-time.ts";
import {
  isAgreementLate,
  isPaymentLate,
  isReportLate,
  projectDeadlines,
} from "../../domain/projects/project-deadlines.ts";
import type { ProjectFacts } from "../../domain/projects/project-facts.ts";
import { projectTimeline } from "../../domain/projects/project-timeline.ts";

const NOW = parisTime(2026, 11, 28, 10, 0);

const facts: ProjectFacts = {
  status: "AGREEMENT_PENDING",
  announcedAt: parisTime(2025, 6, 20, 18, 0),
  completedAt: null,
  inauguratedAt: null,
  reportDueAt: null,
  reportReceivedAt: null,
  closedAt: null,
  abandonedAt: null,
  agreement: null,
  payments: [],
  plannedInaugurations: [],
};

function sentDaysAgo(days: number): ProjectFacts["agreement"] {
  const sentAt = parisDaysFrom(NOW, -days, 16, 30);
  return {
    status: "SENT",
    amountCents: 2_000_000,
    draftedAt: sentAt,
    sentAt,
    holderSignedAt: null,
    departmentSignedAt: null,
  };
}

describe("late rules", () => {
  it("a convention is late once unsigned for more than 15 Paris days", () => {
    expect(isAgreementLate(sentDaysAgo(15), NOW)).toBe(false);
    expect(isAgreementLate(sentDaysAgo(16), NOW)).toBe(true);
    const signedByHolder = { ...sentDaysAgo(40)!, status: "SIGNED_BY_HOLDER" as const };
    expect(isAgreementLate(signedByHolder, NOW)).toBe(false);
  });

  it("a bilan n+1 is late from the day after its due day, until received", () => {
    expect(isReportLate({ reportDueAt: parisDaysFrom(NOW, 0), reportReceivedAt: null }, NOW)).toBe(false);
    expect(isReportLate({ reportDueAt: parisDaysFrom(NOW, -1), reportReceivedAt: null }, NOW)).toBe(true);
    expect(isReportLate({ reportDueAt: parisDaysFrom(NOW, -30), reportReceivedAt: NOW }, NOW)).toBe(false);
  });

  it("a planned payment is late past its planned instant; a sent one never", () => {
    const payment = { kind: "ADVANCE" as const, amountCents: 1_000_000, sentAt: null };
    expect(isPaymentLate({ ...payment, status: "PLANNED", plannedAt: new Date(NOW.getTime() - 60_000) }, NOW)).toBe(
      true,
    );
    expect(isPaymentLate({ ...payment, status: "PLANNED", plannedAt: new Date(NOW.getTime() + 60_000) }, NOW)).toBe(
      false,
    );
    expect(isPaymentLate({ ...payment, status: "SENT", plannedAt: parisDaysFrom(NOW, -9) }, NOW)).toBe(false);
  });
});

describe("projectDeadlines and projectTimeline", () => {
  it("lists what is due soonest first and marks the late ones", () => {
    const project: ProjectFacts = {
      ...facts,
      status: "COMPLETED",
      agreement: { ...sentDaysAgo(200)!, status: "SIGNED", departmentSignedAt: parisDaysFrom(NOW, -180) },
      completedAt: parisDaysFrom(NOW, -30),
      reportDueAt: parisDaysFrom(NOW, 335),
      payments: [
        { kind: "ADVANCE", status: "SENT", amountCents: 1_000_000, plannedAt: null, sentAt: parisDaysFrom(NOW, -170) },
        {
          kind: "BALANCE",
          status: "PLANNED",
          amountCents: 800_000,
          plannedAt: parisDaysFrom(NOW, -3, 10),
          sentAt: null,
        },
      ],
      plannedInaugurations: [parisDaysFrom(NOW, -2, 18), parisDaysFrom(NOW, 7, 18)],
    };
    expect(projectDeadlines(project, NOW)).toEqual([
      { kind: "payment", at: parisDaysFrom(NOW, -3, 10), late: true, amountCents: 800_000, paymentKind: "BALANCE" },
      { kind: "inauguration", at: parisDaysFrom(NOW, 7, 18), late: false },
      { kind: "report", at: parisDaysFrom(NOW, 335), late: false },
    ]);
    const states = Object.fromEntries(projectTimeline(project, NOW).map((s) => [s.key, s.state]));
    expect(states).toEqual({
      winner: "done",
      agreement: "done",
      payments: "late",
      works: "done",
      inauguration: "current",
      report: "current",
      closed: "upcoming",
    });
  });

  it("gives a closed or abandoned project no deadline", () => {
    const pending = { ...facts, agreement: sentDaysAgo(30) };
    expect(projectDeadlines(pending, NOW)).toHaveLength(1);
    expect(projectDeadlines({ ...pending, status: "ABANDONED", abandonedAt: NOW }, NOW)).toEqual([]);
    expect(projectDeadlines({ ...pending, status: "CLOSED", closedAt: NOW }, NOW)).toEqual([]);
  });
});
