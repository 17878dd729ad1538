import { parisDaysFrom } from "../../domain/dates/paris-time.ts";
import { CASEWORKERS } from "./agents.ts";
import type { ProjectSeed } from "./build-projects.ts";
import type { EditionFacts } from "./editions.ts";
import type { AgreementSeed, FollowUpSeed, PaymentSeed, ProjectDates } from "./follow-up-types.ts";
import type { MandateBook } from "./mandate-book.ts";
import { createRng, type Rng, seedOf } from "./prng.ts";
import { Timeline } from "./timeline.ts";

export interface FollowUpContext {
  now: Date;
  edition: EditionFacts;
  mandates: MandateBook;
}

export const laterOf = (a: Date, b: Date): Date => (a > b ? a : b);
export const earlierOf = (a: Date, b: Date): Date => (a < b ? a : b);

/**
 * What every stage of the follow-up needs about one project: its own random stream
 * (so projects do not disturb each other), its timeline, the convention amount
 * (sometimes below the amount voted: 80 % of the pre-tax cost for some communes) and
 * the agents who check invoices and record payments.
 */
export class FollowUpKit {
  readonly rng: Rng;
  readonly t: Timeline;
  readonly start: Date;
  readonly agreementCents: number;
  readonly advanceShareBp: number;
  readonly checkers: readonly string[];
  readonly recorder: string;

  constructor(
    readonly project: ProjectSeed,
    private readonly context: FollowUpContext,
  ) {
    this.rng = createRng(seedOf(`follow-up-${project.reference}`));
    this.t = new Timeline(this.rng, context.now);
    this.start = context.edition.followUpStart;
    const reduced = this.rng.next() < 0.4;
    const factor = 0.88 + this.rng.next() * 0.1;
    this.agreementCents =
      project.agreementCents ??
      (project.holder.kind === "COMMUNE" && reduced
        ? Math.round((project.awardedCents * factor) / 100) * 100
        : project.awardedCents);
    this.advanceShareBp = project.holder.kind === "COMMUNE" ? 3000 : 5000;
    const fallback = CASEWORKERS.map((agent) => agent.aadObjectId);
    this.recorder = project.followerAad ?? (fallback[0] as string);
    this.checkers = project.followerAad ? [project.followerAad] : fallback;
  }

  get now(): Date {
    return this.context.now;
  }

  get agreementReference(): string {
    return `CONV-${this.project.reference}`;
  }

  get advanceCents(): number {
    return Math.floor((this.agreementCents * this.advanceShareBp) / 10_000);
  }

  result(parts: Partial<Omit<FollowUpSeed, "dates">> & { dates?: Partial<ProjectDates> }): FollowUpSeed {
    return {
      dates: {
        announcedAt: this.context.edition.resultsAt,
        completedAt: null,
        inauguratedAt: null,
        reportDueAt: null,
        reportReceivedAt: null,
        closedAt: null,
        abandonedAt: null,
        statusReason: null,
        ...parts.dates,
      },
      agreements: parts.agreements ?? [],
      payments: parts.payments ?? [],
      invoices: parts.invoices ?? [],
      inaugurations: parts.inaugurations ?? [],
    };
  }

  agreement(fields: Partial<AgreementSeed> & Pick<AgreementSeed, "status" | "draftedAt">): AgreementSeed {
    return {
      reference: this.agreementReference,
      amountCents: this.agreementCents,
      advanceShareBp: this.advanceShareBp,
      sentAt: null,
      holderSignedAt: null,
      departmentSignedAt: null,
      cancelledAt: null,
      ...fields,
    };
  }

  /** A convention signed by the Département on `departmentSignedAt`, its earlier steps placed before. */
  signedAgreement(departmentSignedAt: Date, fields: Partial<AgreementSeed> = {}): AgreementSeed {
    const holderSignedAt = this.t.before(departmentSignedAt, 3, 15, this.start);
    const sentAt = this.t.before(holderSignedAt, 5, 25, this.start);
    const draftedAt = this.t.before(sentAt, 5, 20, this.start);
    return this.agreement({ status: "SIGNED", draftedAt, sentAt, holderSignedAt, departmentSignedAt, ...fields });
  }

  planned(
    kind: PaymentSeed["kind"],
    amountCents: number,
    plannedAt: Date,
    status: PaymentSeed["status"] = "PLANNED",
  ): PaymentSeed {
    return {
      kind,
      amountCents,
      status,
      plannedAt,
      sentAt: null,
      astreMandate: null,
      recordedByAad: null,
      agreementReference: this.agreementReference,
    };
  }

  /** A payment entered in Astre: it gets the next mandate number of its year. */
  sent(kind: PaymentSeed["kind"], amountCents: number, sentAt: Date): PaymentSeed {
    return {
      ...this.planned(kind, amountCents, sentAt, "SENT"),
      sentAt,
      astreMandate: this.context.mandates.next(sentAt),
      recordedByAad: this.recorder,
    };
  }

  /** A past inauguration on that day (late morning or early evening), never later than now. */
  pastCeremonyOn(day: Date): Date {
    const hour = this.rng.pick([11, 17, 18]);
    const minute = this.rng.pick([0, 30]);
    const time = parisDaysFrom(day, 0, hour, minute);
    return time < this.t.pastCap() ? time : parisDaysFrom(day, -1, hour, minute);
  }
}
