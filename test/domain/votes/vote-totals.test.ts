import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../../domain/dates/paris-time.ts";
import { addPollingPlace } from "../../../domain/votes/add-polling-place.ts";
import { enterTally } from "../../../domain/votes/enter-tally.ts";
import { findCountEdition } from "../../../domain/votes/find-count-edition.ts";
import { loadVoteCount } from "../../../domain/votes/load-vote-count.ts";
import { loadVoteTotals } from "../../../domain/votes/load-vote-totals.ts";
import { parseTallyLines } from "../../../domain/votes/parse-tally-lines.ts";
import { seed } from "../../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../../support/fresh-schema.ts";
import { agentActor, createVoteIdeas, SEEDED } from "../../support/vote-count-fixture.ts";

const NOW = parisTime(2026, 11, 29, 10, 0);
let schema: FreshSchema;

beforeAll(async () => {
  schema = await freshSchema("vote_totals");
  await seed(schema.db, { now: NOW });
  await createVoteIdeas(schema.db);
  const online = { "I2024-0001": 100, "I2024-0002": 50, "I2024-0003": 300, "I2024-0004": 7, "I2021-0001": 999 };
  for (const [reference, onlineVotes] of Object.entries(online))
    await schema.db.idea.update({ where: { reference }, data: { onlineVotes } });
  const edition = await findCountEdition(schema.db);
  const julien = await agentActor(schema.db, SEEDED.julien);
  const sophie = await agentActor(schema.db, SEEDED.sophie);
  const place = (name: string, commune: string) =>
    addPollingPlace(schema.db, { edition, name, commune, actor: julien, now: NOW });
  const enter = (placeId: number, actor: typeof julien, text: string) =>
    enterTally(schema.db, { placeId, lines: parseTallyLines(text).lines, actor, now: NOW });
  const validated = await place("Mairie de Dax", "Dax");
  await enter(validated.id, julien, "I2024-0001 20\nI2024-0003 5");
  await enter(validated.id, sophie, "I2024-0001 20\nI2024-0003 5");
  const waiting = await place("Mairie de Tarnos", "Tarnos");
  await enter(waiting.id, julien, "I2024-0003 1000");
  const disagreement = await place("CCAS de Dax", "Dax");
  await enter(disagreement.id, julien, "I2024-0001 500");
  await enter(disagreement.id, sophie, "I2024-0001 501");
  await place("Mairie d'Ondres", "Ondres");
});
afterAll(async () => {
  await schema?.drop();
});

describe("loadVoteTotals", () => {
  it("adds to the online votes the paper votes of validated places only, for every idea of the edition", async () => {
    const edition = await findCountEdition(schema.db, 2024);
    const ideas = await schema.db.idea.findMany({ select: { id: true, reference: true } });
    const refOf = new Map(ideas.map((i) => [i.id, i.reference]));
    const totals = (await loadVoteTotals(schema.db, edition.id)).map(({ ideaId, ...t }) => ({
      reference: refOf.get(ideaId),
      ...t,
    }));
    expect(totals).toEqual([
      { reference: "I2024-0001", online: 100, paper: 20, total: 120 },
      { reference: "I2024-0002", online: 50, paper: 0, total: 50 },
      { reference: "I2024-0003", online: 300, paper: 5, total: 305 },
      { reference: "I2024-0004", online: 7, paper: 0, total: 7 },
    ]);
  });
});

describe("loadVoteCount", () => {
  it("sums overall and per canton of the ideas, ranks the ideas and counts the places by state", async () => {
    const count = await loadVoteCount(schema.db, await findCountEdition(schema.db));
    expect(count.overall).toEqual({ online: 457, paper: 25, total: 482 });
    expect(count.places).toEqual({ TO_ENTER: 1, WAITING: 1, DISAGREEMENT: 1, VALIDATED: 1 });
    expect(count.cantons).toEqual([
      { canton: "Dax-1", ideas: 2, online: 150, paper: 20, total: 170 },
      { canton: "Seignanx", ideas: 1, online: 300, paper: 5, total: 305 },
      { canton: null, ideas: 1, online: 7, paper: 0, total: 7 },
    ]);
    expect(count.top.map((t) => [t.reference, t.total])).toEqual([
      ["I2024-0003", 305],
      ["I2024-0001", 120],
      ["I2024-0002", 50],
      ["I2024-0004", 7],
    ]);
  });

  it("narrows to one canton: its ideas and its polling places", async () => {
    const dax = await schema.db.canton.findFirstOrThrow({ where: { name: "Dax-1" } });
    const count = await loadVoteCount(schema.db, await findCountEdition(schema.db), { canton: dax });
    expect(count.canton).toBe("Dax-1");
    expect(count.overall).toEqual({ online: 150, paper: 20, total: 170 });
    expect(count.places).toEqual({ TO_ENTER: 0, WAITING: 0, DISAGREEMENT: 1, VALIDATED: 1 });
    expect(count.top.map((t) => t.reference)).toEqual(["I2024-0001", "I2024-0002"]);
  });
});
