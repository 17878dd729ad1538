import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../../domain/dates/paris-time.ts";
import { DomainError } from "../../../domain/errors/domain-error.ts";
import { addPollingPlace } from "../../../domain/votes/add-polling-place.ts";
import { enterTally } from "../../../domain/votes/enter-tally.ts";
import { type CountEdition, findCountEdition } from "../../../domain/votes/find-count-edition.ts";
import { getPollingPlace } from "../../../domain/votes/get-polling-place.ts";
import { parseTallyLines } from "../../../domain/votes/parse-tally-lines.ts";
import { reopenPollingPlace } from "../../../domain/votes/reopen-polling-place.ts";
import { seed } from "../../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../../support/fresh-schema.ts";
import { agentActor, createVoteIdeas, SEEDED } from "../../support/vote-count-fixture.ts";
import { waitUntil } from "../../support/wait-until.ts";

const NOW = parisTime(2026, 11, 29, 10, 0);
let schema: FreshSchema;
let edition: CountEdition;
let julien: { agentId: number; name: string };
let sophie: { agentId: number; name: string };
let claire: { agentId: number; name: string };

beforeAll(async () => {
  schema = await freshSchema("double_entry");
  await seed(schema.db, { now: NOW });
  await createVoteIdeas(schema.db);
  edition = await findCountEdition(schema.db);
  julien = await agentActor(schema.db, SEEDED.julien);
  sophie = await agentActor(schema.db, SEEDED.sophie);
  claire = await agentActor(schema.db, SEEDED.claire);
});
afterAll(async () => {
  await schema?.drop();
});

let places = 0;
async function newPlace(): Promise<number> {
  places += 1;
  const place = await addPollingPlace(schema.db, {
    edition,
    name: `Bureau ${places}`,
    commune: "Dax",
    actor: claire,
    now: NOW,
  });
  return place.id;
}

function enter(placeId: number, actor: { agentId: number; name: string }, text: string) {
  const { lines, problems } = parseTallyLines(text);
  return enterTally(schema.db, { placeId, lines, problems, actor, now: NOW });
}

const place = (id: number) => schema.db.pollingPlace.findUniqueOrThrow({ where: { id } });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).frenchMessage;
}

describe("parseTallyLines", () => {
  it("reads typed lines, two columns pasted from Excel, `;` lines, a title column and a header line", () => {
    const text = "Référence\tVoix\r\nI2024-0001\t1 234\ni2024-2;87\n\n2024-3 12\nI2024-0004\tAbri à vélos\t0\n";
    expect(parseTallyLines(text)).toEqual({
      lines: [
        { line: 2, reference: "I2024-0001", votes: 1234 },
        { line: 3, reference: "I2024-0002", votes: 87 },
        { line: 5, reference: "I2024-0003", votes: 12 },
        { line: 6, reference: "I2024-0004", votes: 0 },
      ],
      problems: [],
    });
  });

  it("reports every line it cannot read with its number", () => {
    const { problems } = parseTallyLines(
      "I2024-0001 12\nI2024-0002 -3\nI2024-0003 douze\n*** 4\nI2024-0004\nI2024-0001 99999",
    );
    expect(problems).toEqual([
      "ligne 2 : « -3 » : un nombre de voix ne peut pas être négatif",
      "ligne 3 : « douze » n'est pas un nombre de voix",
      "ligne 4 : « *** » n'est pas une référence d'idée (par exemple I2024-0123)",
      "ligne 5 : nombre de voix manquant",
      "ligne 6 : 99\u202f999 voix, c'est plus que le maximum plausible (20\u202f000) : vérifiez le chiffre",
    ]);
  });
});

describe("the double-entry rule", () => {
  it("two different agents agreeing validate the place in the same transaction (a missing line equals 0)", async () => {
    const id = await newPlace();
    const first = await enter(id, julien, "I2024-0001 120\nI2024-0002 45\nI2024-0004 0");
    expect(first).toEqual({ status: "WAITING", replaced: false, agreedWith: null });
    expect((await getPollingPlace(schema.db, id)).state).toBe("WAITING");
    const second = await enter(id, sophie, "I2024-0002\t45\nI2024-0001\t120");
    expect(second).toEqual({ status: "VALIDATED", replaced: false, agreedWith: "Julien Lartigau" });
    const after = await place(id);
    expect(after.acceptedEntryId).not.toBeNull();
    expect(after.acceptedAt).toEqual(NOW);
    const view = await getPollingPlace(schema.db, id);
    expect(view.state).toBe("VALIDATED");
    expect(view.accepted).toEqual([
      { reference: "I2024-0001", title: "Pumptrack du bourg", votes: 120 },
      { reference: "I2024-0002", title: "Boîtes à livres", votes: 45 },
    ]);
    const audits = await schema.db.auditLog.findMany({ where: { entity: "PollingPlace", entityId: String(id) } });
    expect(audits.map((a) => a.action).sort()).toEqual([
      "polling-place.add",
      "polling-place.validate",
      "tally.enter",
      "tally.enter",
    ]);
  });

  it("a disagreement shows each idea's differing figures per agent, never an average, and validates nothing", async () => {
    const id = await newPlace();
    await enter(id, julien, "I2024-0001 120\nI2024-0002 45\nI2024-0003 7");
    const outcome = await enter(id, sophie, "I2024-0001 121\nI2024-0002 45");
    expect(outcome.status).toBe("DISAGREEMENT");
    expect((await place(id)).acceptedEntryId).toBeNull();
    const view = await getPollingPlace(schema.db, id);
    expect(view.state).toBe("DISAGREEMENT");
    expect(view.entries.map((e) => e.agentName)).toEqual(["Julien Lartigau", "Sophie Baradat"]);
    expect(view.differences).toEqual([
      { reference: "I2024-0001", title: "Pumptrack du bourg", votes: [120, 121] },
      { reference: "I2024-0003", title: "Jardin partagé", votes: [7, 0] },
    ]);
  });

  it("the same agent entering twice replaces their entry and never validates", async () => {
    const id = await newPlace();
    await enter(id, julien, "I2024-0001 120");
    const again = await enter(id, julien, "I2024-0001 120");
    expect(again).toEqual({ status: "WAITING", replaced: true, agreedWith: null });
    expect((await place(id)).acceptedEntryId).toBeNull();
    expect(await schema.db.tallyEntry.count({ where: { pollingPlaceId: id } })).toBe(1);
  });

  it("a third agent settles a disagreement by agreeing with one of the two; then the place refuses entries", async () => {
    const id = await newPlace();
    await enter(id, julien, "I2024-0001 120");
    await enter(id, sophie, "I2024-0001 210");
    const third = await enter(id, claire, "I2024-0001 210");
    expect(third).toEqual({ status: "VALIDATED", replaced: false, agreedWith: "Sophie Baradat" });
    const message = await refusal(enter(id, julien, "I2024-0001 210"));
    expect(message).toContain("est déjà validé (deux saisies concordantes)");
    expect(await schema.db.tallyEntry.count({ where: { pollingPlaceId: id } })).toBe(3);
  });

  it("refuses unknown ideas, another edition's idea, an idea on two lines and unreadable lines, writing nothing", async () => {
    const id = await newPlace();
    const message = await refusal(
      enter(id, julien, "I2024-0001 12\nI2024-0999 3\nI2021-0001 4\ni2024-1 5\nI2024-0002 -1"),
    );
    expect(message).toContain("Saisie du bureau « Bureau 5 » non enregistrée");
    expect(message).toContain("- ligne 5 : « -1 » : un nombre de voix ne peut pas être négatif");
    expect(message).toContain("- ligne 2 : aucune idée I2024-0999 n'est enregistrée");
    expect(message).toContain("- ligne 3 : l'idée I2021-0001 est de l'édition 2021, pas de 2024");
    expect(message).toContain("- ligne 4 : l'idée I2024-0001 est déjà saisie ligne 1");
    expect(message).toContain("Rien n'a été écrit");
    expect(await refusal(enter(id, julien, "\n \n"))).toContain("aucune ligne de résultats");
    expect(await schema.db.tallyEntry.count({ where: { pollingPlaceId: id } })).toBe(0);
    expect(await schema.db.auditLog.count({ where: { action: "tally.enter", entityId: String(id) } })).toBe(0);
    const nobody = enterTally(schema.db, { placeId: id, lines: [], actor: { agentId: null }, now: NOW });
    expect(await refusal(nobody)).toContain("rattachée à un agent enregistré");
  });

  it("reopening needs a reason and a validated place; it discards the entries so two agents enter again", async () => {
    const id = await newPlace();
    await enter(id, julien, "I2024-0001 30");
    expect(
      await refusal(reopenPollingPlace(schema.db, { placeId: id, reason: "x", actor: claire, now: NOW })),
    ).toContain("n'est pas validé");
    await enter(id, sophie, "I2024-0001 30");
    const noReason = reopenPollingPlace(schema.db, { placeId: id, reason: "  ", actor: claire, now: NOW });
    expect(await refusal(noReason)).toContain("Indiquez la raison de la réouverture");
    await reopenPollingPlace(schema.db, { placeId: id, reason: "erreur de report", actor: claire, now: NOW });
    expect(await place(id)).toMatchObject({ acceptedEntryId: null, acceptedAt: null });
    expect((await getPollingPlace(schema.db, id)).state).toBe("TO_ENTER");
    const audit = await schema.db.auditLog.findFirstOrThrow({ where: { action: "polling-place.reopen" } });
    expect(audit.after).toEqual({ acceptedEntryId: null, reason: "erreur de report" });
    expect(JSON.stringify(audit.before)).toContain('"votes":30');
    expect((await enter(id, julien, "I2024-0001 31")).status).toBe("WAITING");
  });

  it("refuses entries and reopening once the edition's results are published", async () => {
    const id = await newPlace();
    const validated = await newPlace();
    await enter(validated, julien, "I2024-0001 1");
    await enter(validated, sophie, "I2024-0001 1");
    await schema.db.edition.update({ where: { id: edition.id }, data: { publishedAt: NOW } });
    try {
      expect(await refusal(enter(id, julien, "I2024-0001 3"))).toContain(
        "Les résultats de l'édition 2024 sont publiés",
      );
      const reopen = reopenPollingPlace(schema.db, { placeId: validated, reason: "erreur", actor: claire, now: NOW });
      expect(await refusal(reopen)).toContain("sont publiés");
      expect(await schema.db.tallyEntry.count({ where: { pollingPlaceId: id } })).toBe(0);
    } finally {
      await schema.db.edition.update({ where: { id: edition.id }, data: { publishedAt: null } });
    }
  });

  it("two agents entering the same figures at the same moment validate each place exactly once", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) ids.push(await newPlace());
    await Promise.all(
      ids.flatMap((id) => [
        enter(id, julien, "I2024-0001 40\nI2024-0003 2"),
        enter(id, sophie, "I2024-0001 40\nI2024-0003 2"),
      ]),
    );
    for (const id of ids) {
      expect((await place(id)).acceptedEntryId).not.toBeNull();
      expect(
        await schema.db.auditLog.count({ where: { action: "polling-place.validate", entityId: String(id) } }),
      ).toBe(1);
    }
  });
});

describe("entering while the results are being published", () => {
  it("waits for the publication's lock on the edition, then refuses: no tally slips in after the count", async () => {
    const id = await newPlace();
    let entry: Promise<unknown> | undefined;
    await schema.db.$transaction(async (tx) => {
      // What publishResults does first: lock the edition row for update.
      await tx.$queryRaw`SELECT "id" FROM "Edition" WHERE "id" = ${edition.id} FOR UPDATE`;
      entry = enter(id, julien, "I2024-0001 9").then(
        () => null,
        (e: unknown) => e,
      );
      await waitUntil(async () => {
        const [row] = await schema.db.$queryRaw<{ waiting: bigint }[]>`
          SELECT count(*) AS "waiting" FROM pg_stat_activity
          WHERE "datname" = current_database() AND "wait_event_type" = 'Lock' AND "query" LIKE '%FOR SHARE OF e%'`;
        return Number(row?.waiting ?? 0) > 0;
      }, "la saisie attend le verrou de l'édition");
      await tx.edition.update({ where: { id: edition.id }, data: { publishedAt: NOW }, select: { id: true } });
    });
    try {
      const error = await entry;
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("TALLY_EDITION_PUBLISHED");
      expect(await schema.db.tallyEntry.count({ where: { pollingPlaceId: id } })).toBe(0);
    } finally {
      await schema.db.edition.update({ where: { id: edition.id }, data: { publishedAt: null } });
    }
  });
});
