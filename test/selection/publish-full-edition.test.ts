import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { loadSelection } from "../../domain/selection/load-selection.ts";
import { publishResults } from "../../domain/selection/publish-results.ts";
import { selectWinners } from "../../domain/selection/select-winners.ts";
import { CANTONS } from "../../prisma/seed-data/cantons.ts";
import { buildSelectionEdition, RULES_2021 } from "../support/build-selection-edition.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = parisTime(2021, 12, 15, 18, 0);
const candidates = buildSelectionEdition();
let schema: FreshSchema;

beforeAll(async () => {
  schema = await freshSchema("publish_full");
  const { budgetCents, youthShareBp, ...rules } = RULES_2021;
  const edition = await schema.db.edition.create({
    data: { year: 2021, name: "Budget participatif citoyen des Landes 2021", budgetCents, youthShareBp, ...rules },
  });
  await schema.db.canton.createMany({ data: CANTONS.map((c) => ({ slug: c.slug, name: c.name })) });
  const cantonId = new Map((await schema.db.canton.findMany()).map((c) => [c.name, c.id]));
  await schema.db.idea.createMany({
    data: candidates.map((c) => ({
      editionId: edition.id,
      reference: c.reference,
      title: c.title,
      holderName: `Porteur ${c.reference}`,
      contactEmail: `${c.reference.toLowerCase()}@exemple.fr`,
      cantonId: cantonId.get(c.canton!)!,
      isYouth: c.isYouth,
      estimatedCents: c.costCents,
      onlineVotes: c.votes,
      status: "ELIGIBLE" as const,
    })),
  });
});

afterAll(async () => {
  await schema?.drop();
});

describe("publishing a full 2021-like edition (280 eligible ideas)", () => {
  it("creates exactly the selected projects, records every idea's outcome and e-mails every porteur", async () => {
    const expected = selectWinners((await loadSelection(schema.db, 2021)).candidates, RULES_2021);
    const outcome = await publishResults(schema.db, {
      year: 2021,
      actor: { agentId: null, name: "Claire Dufau" },
      now: NOW,
    });
    expect(outcome.status).toBe("published");
    const projects = await schema.db.project.findMany({
      select: { reference: true, awardedCents: true },
      orderBy: { number: "asc" },
    });
    expect(projects).toHaveLength(expected.totals.winners);
    expect(projects[0]?.reference).toBe("2021-001");
    expect(projects.reduce((sum, p) => sum + p.awardedCents, 0)).toBe(expected.totals.spentCents);
    const ideas = await schema.db.idea.findMany({
      select: { reference: true, won: true, rank: true, selectionReason: true },
    });
    const lineOf = new Map(expected.lines.map((l) => [l.idea.reference, l]));
    for (const idea of ideas) {
      const line = lineOf.get(idea.reference)!;
      expect([idea.won, idea.rank, idea.selectionReason]).toEqual([line.won, line.rank, line.reason]);
    }
    expect(await schema.db.notification.count({ where: { template: "laureat-announced" } })).toBe(
      expected.totals.winners,
    );
    expect(await schema.db.notification.count({ where: { template: "idea-not-selected" } })).toBe(
      280 - expected.totals.winners,
    );
  });
});
