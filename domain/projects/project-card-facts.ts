import type { CheckOutcome, HolderKind } from "../../prisma/generated/enums.ts";
import type { ProjectFacts } from "./project-facts.ts";

/**
 * Everything a project's card is computed from, as one statement reads it (before `now`
 * applies): the dated facts of `ProjectFacts` with every convention instead of the current one.
 */
export interface ProjectCardFacts extends Omit<ProjectFacts, "agreement"> {
  reference: string;
  title: string;
  statusReason: string | null;
  isYouth: boolean;
  awardedCents: number;
  editionYear: number;
  theme: string | null;
  commune: string | null;
  canton: string;
  holder: { name: string; kind: HolderKind; contactName: string | null; email: string; phone: string | null };
  followedBy: { name: string; email: string | null } | null;
  /** Every convention, latest drafted first (cancelled ones too: an abandoned project shows its last). */
  agreements: NonNullable<ProjectFacts["agreement"]>[];
  /** The latest check of each invoice not cancelled (invoices never checked are left out). */
  latestChecks: { eligibleCents: number; outcome: CheckOutcome }[];
}

/**
 * The card's facts of the project whose reference is `$1`, in one statement (a row
 * holding one JSON object, or no row): read by `getProjectDetail` through Prisma and by
 * the bot's read cache through `pg` (prepared once per connection), so both read the
 * same thing. Hand-written rather than Prisma's relation joins: a third of the cost.
 */
export const PROJECT_CARD_FACTS_SQL = `
SELECT json_build_object(
  'reference', p."reference", 'title', p."title", 'status', p."status", 'statusReason', p."statusReason",
  'isYouth', p."isYouth", 'awardedCents', p."awardedCents", 'announcedAt', p."announcedAt",
  'completedAt', p."completedAt", 'inauguratedAt', p."inauguratedAt", 'reportDueAt', p."reportDueAt",
  'reportReceivedAt', p."reportReceivedAt", 'closedAt', p."closedAt", 'abandonedAt', p."abandonedAt",
  'editionYear', e."year", 'theme', t."name", 'commune', c."name", 'canton', k."name",
  'holder', json_build_object('name', h."name", 'kind', h."kind", 'contactName', h."contactName",
                              'email', h."email", 'phone', h."phone"),
  'followedBy', CASE WHEN a."id" IS NULL THEN NULL ELSE json_build_object('name', a."name", 'email', a."email") END,
  'agreements', (SELECT coalesce(json_agg(json_build_object('status', g."status", 'amountCents', g."amountCents",
        'draftedAt', g."draftedAt", 'sentAt', g."sentAt", 'holderSignedAt', g."holderSignedAt",
        'departmentSignedAt', g."departmentSignedAt") ORDER BY g."draftedAt" DESC, g."id" DESC), '[]'::json)
      FROM "Agreement" g WHERE g."projectId" = p."id"),
  'payments', (SELECT coalesce(json_agg(json_build_object('kind', y."kind", 'status', y."status",
        'amountCents', y."amountCents", 'plannedAt', y."plannedAt", 'sentAt', y."sentAt")
        ORDER BY y."createdAt", y."id"), '[]'::json)
      FROM "Payment" y WHERE y."projectId" = p."id" AND y."status" <> 'CANCELLED'),
  'latestChecks', (SELECT coalesce(json_agg(json_build_object('eligibleCents', x."eligibleCents",
        'outcome', x."outcome")), '[]'::json)
      FROM "Invoice" i CROSS JOIN LATERAL (
        SELECT "eligibleCents", "outcome" FROM "InvoiceCheck" WHERE "invoiceId" = i."id"
        ORDER BY "checkedAt" DESC, "id" DESC LIMIT 1) x
      WHERE i."projectId" = p."id" AND i."cancelledAt" IS NULL),
  'plannedInaugurations', (SELECT coalesce(json_agg(v."startsAt" ORDER BY v."startsAt"), '[]'::json)
      FROM "Event" v WHERE v."projectId" = p."id" AND v."kind" = 'INAUGURATION' AND v."status" = 'PLANNED')
) AS "facts"
FROM "Project" p
JOIN "Edition" e ON e."id" = p."editionId"
JOIN "Canton" k ON k."id" = p."cantonId"
JOIN "Holder" h ON h."id" = p."holderId"
LEFT JOIN "Theme" t ON t."id" = p."themeId"
LEFT JOIN "Commune" c ON c."id" = p."communeId"
LEFT JOIN "Agent" a ON a."id" = p."followedById"
WHERE p."reference" = $1`;

type Json = Record<string, unknown>;
const date = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(String(value)));
const dated = <T extends Json>(row: T, fields: readonly string[]) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, fields.includes(k) ? date(v) : v]));

/** The facts from the statement's JSON (dates arrive as ISO strings with their offset). */
export function readProjectCardFacts(json: Json): ProjectCardFacts {
  const facts = dated(json, [
    "announcedAt",
    "completedAt",
    "inauguratedAt",
    "reportDueAt",
    "reportReceivedAt",
    "closedAt",
    "abandonedAt",
  ]);
  const agreementDates = ["draftedAt", "sentAt", "holderSignedAt", "departmentSignedAt"];
  return {
    ...facts,
    agreements: (json.agreements as Json[]).map((a) => dated(a, agreementDates)),
    payments: (json.payments as Json[]).map((p) => dated(p, ["plannedAt", "sentAt"])),
    plannedInaugurations: (json.plannedInaugurations as string[]).map((at) => new Date(at)),
  } as unknown as ProjectCardFacts;
}
