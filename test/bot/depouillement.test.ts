import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { addPollingPlace } from "../../domain/votes/add-polling-place.ts";
import { findCountEdition } from "../../domain/votes/find-count-edition.ts";
import { seed } from "../../prisma/seed.ts";
import { botTurns, type Speaker } from "../support/bot-turns.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { testConfig } from "../support/test-config.ts";
import { createVoteIdeas, SEEDED } from "../support/vote-count-fixture.ts";

const NOW = parisTime(2026, 11, 29, 10, 0);
const CARD = "application/vnd.microsoft.card.adaptive";
const MESSAGE = "application/vnd.microsoft.activity.message";
const CLAIRE = { id: "29:person-1", name: "Claire Dufau", aadObjectId: SEEDED.claire };
const JULIEN = { id: "29:person-2", name: "Julien Lartigau", aadObjectId: SEEDED.julien };
const SOPHIE = { id: "29:person-3", name: "Sophie Baradat", aadObjectId: SEEDED.sophie };
const NATHALIE = { id: "29:person-6", name: "Nathalie Darrigrand", aadObjectId: SEEDED.nathalie };
let schema: FreshSchema;
let connector: ConnectorStandIn;
let bot: RunningBot;

beforeAll(async () => {
  schema = await freshSchema("depouillement");
  await seed(schema.db, { now: NOW });
  await createVoteIdeas(schema.db);
  await schema.db.idea.update({ where: { reference: "I2024-0001" }, data: { onlineVotes: 1234 } });
  await schema.db.idea.update({ where: { reference: "I2024-0003" }, data: { onlineVotes: 300 } });
  connector = await new ConnectorStandIn().start();
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db, () => NOW);
});

afterAll(async () => {
  await bot?.close();
  await connector?.stop();
  await schema?.drop();
});

const turns = () => botTurns(bot, connector, JULIEN);
const reply = (text: string, from: Speaker = JULIEN) => turns().reply(text, from);
const askCard = async (text: string, from: Speaker = JULIEN) => JSON.stringify(await turns().askCard(text, from));
const askText = async (text: string, from: Speaker = JULIEN) => String((await reply(text, from)).text);
const invoke = (verb: string, data: unknown, from: Speaker = JULIEN) => turns().invoke(verb, data, from);

const placeId = async (name: string) => (await schema.db.pollingPlace.findFirstOrThrow({ where: { name } })).id;

describe("dépouillement over the Bot Framework protocol", () => {
  it("adds polling places (agents), refuses a reader, a duplicate and an unknown commune", async () => {
    const refused = await askText("dépouillement bureau ajouter Mairie de Dax, Dax", NATHALIE);
    expect(refused).toContain("réservée aux agents (rôle **agent** au moins)");
    expect(await schema.db.pollingPlace.count()).toBe(0);

    const card = await askCard("dépouillement bureau ajouter Mairie de Dax, Dax");
    expect(card).toContain("Bureau de vote ajouté à l'édition 2024 (canton Dax-1).");
    expect(card).toContain("Bureau de vote : Mairie de Dax");
    expect(card).toContain("Dax, canton Dax-1 · édition 2024 · à saisir");
    expect(card).toContain('"verb":"tally.enter"');
    expect(card).toContain('"isMultiline":true');
    await askCard("dep bureau ajouter CCAS de Tarnos, tarnos");
    expect(await askText("dépouillement bureau ajouter mairie de dax, Dax")).toContain("existe déjà");
    expect(await askText("dépouillement bureau ajouter Salle, Atlantis")).toContain(
      "Je ne connais pas la commune « Atlantis »",
    );
    const audit = await schema.db.auditLog.count({ where: { action: "polling-place.add" } });
    expect(audit).toBe(2);
  });

  it("enters a tally pasted from Excel, then a second agent's identical entry through the card form validates the place", async () => {
    expect(await askText("dépouillement saisir Mairie de Dax\nI2024-0001\t120", NATHALIE)).toContain(
      "réservée aux agents",
    );
    const first = await askCard(
      "dépouillement saisir Mairie de Dax\r\nRéférence\tVoix\r\nI2024-0001\t120\r\nI2024-0002\t45",
    );
    expect(first).toContain("Saisie enregistrée. Il faut maintenant celle d'un autre agent");
    expect(first).toContain("en attente de la 2e saisie");
    expect(first).not.toContain("120");

    const id = await placeId("Mairie de Dax");
    const answer = await invoke(
      "tally.enter",
      { placeId: id, lines: "I2024-0002;45\nI2024-0001;120\nI2024-0004;0" },
      SOPHIE,
    );
    expect(answer.type).toBe(CARD);
    const card = JSON.stringify(answer.value);
    expect(card).toContain("Bureau validé : votre saisie est identique à celle de Julien Lartigau.");
    expect(card).toContain("Dax, canton Dax-1 · édition 2024 · validé");
    expect(card).toContain("120 voix");
    expect(card).not.toContain('"verb":"tally.enter"');
    expect((await schema.db.pollingPlace.findUniqueOrThrow({ where: { id } })).acceptedEntryId).not.toBeNull();

    const again = await askText("dépouillement saisir Mairie de Dax\nI2024-0001 121");
    expect(again).toContain("est déjà validé (deux saisies concordantes)");
  });

  it("shows a disagreement line by line, never averaged; a third agent settles it", async () => {
    await askCard("dépouillement saisir CCAS de Tarnos\nI2024-0003 1 010\nI2024-0001 3");
    const card = await askCard("dépouillement saisir ccas de tarnos\nI2024-0003 1 001\nI2024-0001 3", SOPHIE);
    expect(card).toContain("mais elle diffère d'une autre saisie : le bureau n'est pas validé");
    expect(card).toContain("Différences entre les saisies");
    expect(card).toContain('"text":"I2024-0003 Jardin partagé"');
    expect(card).toContain('"text":"1\u202f010"');
    expect(card).toContain('"text":"1\u202f001"');
    expect(card).not.toContain("1\u202f005");
    expect(card).not.toContain("I2024-0001 Pumptrack");
    const list = await askCard("dépouillement bureaux", NATHALIE);
    expect(list).toMatch(/CCAS de Tarnos.*désaccord/);
    expect(list).toMatch(/Mairie de Dax.*validé/);
    expect(list).toContain('"verb":"polling-place.open"');
    expect(await askCard("dép bureau", NATHALIE)).toContain("Bureaux de vote — édition 2024");

    const third = await askCard("dépouillement saisir CCAS de Tarnos\nI2024-0001 3\nI2024-0003 1001", CLAIRE);
    expect(third).toContain("identique à celle de Sophie Baradat");
  });

  it("refuses a bad form on the server and writes nothing; the same agent twice never validates", async () => {
    await askCard("dépouillement bureau ajouter Mairie de Tarnos, Tarnos");
    const id = await placeId("Mairie de Tarnos");
    const bad = await invoke("tally.enter", {
      placeId: id,
      lines: "I2024-0001 12\nI2021-0001 4\nI2024-0001 5\nI2024-0002 -2",
    });
    expect(bad.type).toBe(CARD);
    const text = JSON.stringify(bad.value);
    expect(text).toContain("Saisie du bureau « Mairie de Tarnos » non enregistrée");
    expect(text).toContain("l'idée I2021-0001 est de l'édition 2021, pas de 2024");
    expect(text).toContain("l'idée I2024-0001 est déjà saisie ligne 1");
    expect(text).toContain("ne peut pas être négatif");
    expect(await schema.db.tallyEntry.count({ where: { pollingPlaceId: id } })).toBe(0);
    const reader = await invoke("tally.enter", { placeId: id, lines: "I2024-0001 12" }, NATHALIE);
    expect(reader.type).toBe(MESSAGE);
    expect(String(reader.value)).toContain("réservé aux agents");
    expect((await invoke("tally.enter", { placeId: "x", lines: "I2024-0001 1" })).type).toBe(MESSAGE);

    await invoke("tally.enter", { placeId: id, lines: "I2024-0001 12" });
    const twice = JSON.stringify((await invoke("tally.enter", { placeId: id, lines: "I2024-0001 12" })).value);
    expect(twice).toContain("Saisie enregistrée (elle remplace votre saisie précédente)");
    expect((await schema.db.pollingPlace.findUniqueOrThrow({ where: { id } })).acceptedEntryId).toBeNull();
  });

  it("reopens a validated place for administrators only, with a reason, audited", async () => {
    const agent = await askText('dépouillement rouvrir Mairie de Dax "erreur de report"');
    expect(agent).toContain("réservée aux administrateurs (rôle **admin**)");
    expect(await askText("dépouillement rouvrir Mairie de Dax", CLAIRE)).toContain(
      "Indiquez la raison de la réouverture",
    );
    const card = await askCard('dépouillement rouvrir Mairie de Dax "erreur de report"', CLAIRE);
    expect(card).toContain("Bureau rouvert");
    expect(card).toContain("· à saisir");
    const audit = await schema.db.auditLog.findFirstOrThrow({ where: { action: "polling-place.reopen" } });
    expect(audit.actorLabel).toBe("Claire Dufau");
    expect(audit.after).toMatchObject({ reason: "erreur de report" });
  });

  it("answers the running totals: overall, per canton, the top ideas, in French formats; and one canton", async () => {
    const card = await askCard("dépouillement", NATHALIE);
    expect(card).toContain("Dépouillement — édition 2024");
    expect(card).toContain('"title":"Votes en ligne","value":"1\u202f534"');
    expect(card).toContain('"title":"Votes papier (bureaux validés)","value":"1\u202f004"');
    expect(card).toContain('"title":"Total","value":"2\u202f538"');
    expect(card).toContain("1 validé(s), 1 en attente de la 2e saisie, 0 en désaccord, 1 à saisir");
    expect(card).toContain("Par canton");
    expect(card).toContain('"text":"sans canton"');
    expect(card).toContain('"text":"1. I2024-0003 Jardin partagé"');
    expect(card).toContain('"text":"2. I2024-0001 Pumptrack du bourg"');
    expect(card).toContain('"verb":"vote-count.refresh"');
    const refreshed = await invoke("vote-count.refresh", { year: 2024 }, NATHALIE);
    expect(JSON.stringify(refreshed.value)).toContain("Dépouillement — édition 2024");

    const canton = await askCard("dépouillement canton seignanx", NATHALIE);
    expect(canton).toContain("Dépouillement — édition 2024 · canton Seignanx");
    expect(canton).toContain('"title":"Total","value":"1\u202f301"');
    expect(canton).not.toContain("Pumptrack");
    expect(await askText("dépouillement canton Atlantide")).toContain("Je ne connais pas le canton « Atlantide »");
    expect(await askText("dépouillement 1999")).toContain("Je ne connais pas l'édition « 1999 »");
  });

  it("lists the places needing an agent first, narrows to a canton, and cuts a long list", async () => {
    const edition = await findCountEdition(schema.db);
    const actor = { agentId: null, name: "test" };
    for (let i = 1; i <= 31; i++) {
      const name = `Bureau d'Ondres ${String(i).padStart(2, "0")}`;
      await addPollingPlace(schema.db, { edition, name, commune: "Ondres", actor, now: NOW });
    }
    const all = await askCard("dépouillement bureaux 2024", NATHALIE);
    expect(all).toContain("1 en attente de la 2e saisie · 32 à saisir · 1 validé");
    expect(all.indexOf("Mairie de Tarnos")).toBeLessThan(all.indexOf("Bureau d'Ondres 01"));
    expect(all).toContain("… et 4 autres bureaux : précisez un canton");
    const dax = await askCard("dépouillement bureaux dax 1", NATHALIE);
    expect(dax).toContain("Bureaux de vote — édition 2024 · canton Dax-1");
    expect(dax).toContain("Mairie de Dax");
    expect(dax).not.toContain("Tarnos");
    expect(await askText("dépouillement bureaux Atlantide")).toContain("Je ne connais pas le canton « Atlantide »");
  });

  it("reads a long pasted tally, lists itself in the help, and explains itself in aide dépouillement", async () => {
    const long = `dépouillement saisir Mairie de Dax\n${"\n".repeat(3000)}I2024-0001\t7`;
    expect(await askCard(long)).toContain("Saisie enregistrée.");
    expect(await askText("aide", NATHALIE)).toContain("**dépouillement [2024]**");
    expect(await askText("aide dépouillement")).toContain("**Double saisie**");
  });

  it("refuses every entry once the results are published", async () => {
    await schema.db.edition.update({ where: { year: 2024 }, data: { publishedAt: NOW } });
    expect(await askText("dépouillement saisir Mairie de Tarnos\nI2024-0001 12", SOPHIE)).toContain(
      "Les résultats de l'édition 2024 sont publiés",
    );
    const card = await askCard("dépouillement bureau Mairie de Tarnos");
    expect(card).toContain("Résultats publiés : le dépouillement est clos.");
    expect(card).not.toContain('"verb":"tally.enter"');
  });
});
