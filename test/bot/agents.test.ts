import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAgent } from "../../domain/agents/add-agent.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { LocalTokenService } from "../support/local-token-service.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { teamsInvoke } from "../support/teams-events.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
const person = (n: number, name: string) => ({
  id: `29:person-${n}`,
  name,
  aadObjectId: `6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e${String(n).padStart(2, "0")}`,
});
const CLAIRE = person(1, "Claire Dufau"); // admin
const JULIEN = person(2, "Julien Lartigau"); // agent
const NATHALIE = person(6, "Nathalie Darrigrand"); // reader
const STRANGER = person(40, "Paul Inconnu"); // not an agent
const CONFIGURED = person(50, "Hélène Lamarque"); // in BPC40_ADMINS, no row yet
const NEWCOMER = "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e08";

let schema: FreshSchema;
let connector: ConnectorStandIn;
let tokens: LocalTokenService;
let bot: RunningBot;
const ids: Record<string, number> = {};

beforeAll(async () => {
  schema = await freshSchema("agents");
  for (const [who, role] of [
    [CLAIRE, "ADMIN"],
    [JULIEN, "AGENT"],
    [NATHALIE, "READER"],
  ] as const) {
    const row = await schema.db.agent.create({ data: { aadObjectId: who.aadObjectId, name: who.name, role } });
    ids[who.name] = row.id;
  }
  connector = await new ConnectorStandIn().start();
  tokens = await new LocalTokenService().start();
  const config = tokens.config({ DATABASE_SCHEMA: schema.schema, BPC40_ADMINS: CONFIGURED.aadObjectId });
  bot = await startBot(config, schema.db, () => NOW, {
    adapterOptions: { credentialsFactory: tokens.outgoingCredentials(config) },
  });
});

afterAll(async () => {
  await bot?.close();
  await tokens?.stop();
  await connector?.stop();
  await schema?.drop();
});

/** One authenticated personal-chat message from `from`; returns the bot's reply text. */
async function say(from: typeof CLAIRE, text: string): Promise<string> {
  const activity = teamsMessage({ serviceUrl: connector.url, text, from });
  const response = await bot.post(activity, tokens.authorize(activity));
  expect(response.status).toBe(200);
  const [reply] = await connector.waitFor(1, (activity.conversation as { id: string }).id);
  return String(reply?.activity.text);
}

describe("who may do what", () => {
  it("tells someone unknown, politely and in French, that only aide is open to them", async () => {
    const refusal = await say(STRANGER, "statut 2022-017");
    expect(refusal).toContain("Je ne vous connais pas encore");
    expect(refusal).toContain(STRANGER.aadObjectId);
    expect(refusal).toContain("**aide**");
    expect(await say(STRANGER, "bonjour")).toContain("Je ne vous connais pas encore");
    const help = await say(STRANGER, "aide");
    expect(help).toContain("Voici ce que je sais faire");
    expect(help).not.toContain("statut");
  });

  it("answers an unknown user's card action with the same refusal, in the shape Teams expects", async () => {
    const invoke = teamsInvoke({
      serviceUrl: connector.url,
      from: STRANGER,
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb: "project.open", data: { reference: "2022-017" } } },
    });
    const response = await bot.post(invoke, tokens.authorize(invoke));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
      value: expect.stringContaining("Je ne vous connais pas encore"),
    });
  });

  it("lets a reader read, but not list or manage agents", async () => {
    expect(await say(NATHALIE, "statut 2022-999")).toContain("Je ne trouve aucun projet 2022-999");
    const refusal = await say(NATHALIE, "agents");
    expect(refusal).toContain("réservée aux agents et aux administrateurs");
    expect(refusal).toContain("Votre rôle : lecteur");
    expect(await say(NATHALIE, "aide")).not.toContain("**agents**");
  });

  it("lets an agent list agents (without their ids) but not manage them", async () => {
    const list = await say(JULIEN, "agents");
    expect(list).toContain("**Claire Dufau** · administrateur · actif");
    expect(list).toContain("**Nathalie Darrigrand** · lecteur · actif");
    expect(list).not.toContain(CLAIRE.aadObjectId);
    const refusal = await say(JULIEN, `agent ajouter ${NEWCOMER} agent Camille Dupouy`);
    expect(refusal).toContain("réservée aux administrateurs");
    expect(refusal).toContain("Votre rôle : agent");
    expect(await schema.db.agent.count({ where: { aadObjectId: NEWCOMER } })).toBe(0);
  });

  it("shows admins the ids they need", async () => {
    expect(await say(CLAIRE, "agents")).toContain(`\`${JULIEN.aadObjectId}\``);
  });
});

describe("agent ajouter / rôle / retirer (admins)", () => {
  it("adds an agent and writes the audit line (who, when, action, before, after)", async () => {
    const reply = await say(CLAIRE, `agent ajouter ${NEWCOMER.toUpperCase()} agent Camille Dupouy`);
    expect(reply).toContain("**Camille Dupouy** a accès à l'assistant avec le rôle agent");
    const agent = await schema.db.agent.findUniqueOrThrow({ where: { aadObjectId: NEWCOMER } });
    expect(agent).toMatchObject({ name: "Camille Dupouy", role: "AGENT", active: true });
    const audit = await schema.db.auditLog.findMany({ where: { entity: "Agent", entityId: String(agent.id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: ids["Claire Dufau"],
      actorLabel: "Claire Dufau",
      action: "agent.add",
      at: NOW,
      before: null,
      after: { aadObjectId: NEWCOMER, name: "Camille Dupouy", role: "AGENT", active: true },
    });
  });

  it("refuses a second ajouter, an invalid id or an unknown role, in French, writing nothing", async () => {
    const before = await schema.db.auditLog.count();
    expect(await say(CLAIRE, `agent ajouter ${NEWCOMER} lecteur Camille`)).toContain(
      "Camille Dupouy est déjà agent (rôle agent)",
    );
    expect(await say(CLAIRE, "agent ajouter 1234 agent Paul")).toContain("n'est pas un identifiant Azure AD");
    expect(await say(CLAIRE, `agent ajouter ${STRANGER.aadObjectId} chef Paul`)).toContain("n'est pas un rôle");
    expect(await say(CLAIRE, "agent ajouter")).toContain("Gestion des accès");
    expect(await schema.db.auditLog.count()).toBe(before);
  });

  it("changes a role (accents and case ignored) with its audit line", async () => {
    expect(await say(CLAIRE, `agent RÔLE ${JULIEN.aadObjectId} Lecteur`)).toContain(
      "passe du rôle agent au rôle lecteur",
    );
    const audit = await schema.db.auditLog.findFirstOrThrow({ where: { action: "agent.role" } });
    expect(audit).toMatchObject({
      entityId: String(ids["Julien Lartigau"]),
      before: { role: "AGENT" },
      after: { role: "READER" },
    });
  });

  it("refuses to demote or remove the last admin", async () => {
    const before = await schema.db.auditLog.count();
    expect(await say(CLAIRE, `agent retirer ${CLAIRE.aadObjectId}`)).toContain(
      "Claire Dufau est le dernier administrateur",
    );
    expect(await say(CLAIRE, `agent role ${CLAIRE.aadObjectId} agent`)).toContain("dernier administrateur");
    expect(await schema.db.agent.findUniqueOrThrow({ where: { aadObjectId: CLAIRE.aadObjectId } })).toMatchObject({
      role: "ADMIN",
      active: true,
    });
    expect(await schema.db.auditLog.count()).toBe(before);
  });

  it("removes an agent by deactivating the row, with its audit line", async () => {
    expect(await say(CLAIRE, `agent retirer ${NEWCOMER}`)).toContain("n'a plus accès");
    expect(await schema.db.agent.findUniqueOrThrow({ where: { aadObjectId: NEWCOMER } })).toMatchObject({
      active: false,
    });
    const audit = await schema.db.auditLog.findFirstOrThrow({ where: { action: "agent.remove" } });
    expect(audit).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(await say(CLAIRE, "agents")).toContain("**Camille Dupouy** · agent · inactif");
  });
});

describe("administrators from BPC40_ADMINS", () => {
  it("get their Agent row at first contact, so their changes are audited with an actor id", async () => {
    expect(await schema.db.agent.count({ where: { aadObjectId: CONFIGURED.aadObjectId } })).toBe(0);
    await say(CONFIGURED, `agent ajouter ${STRANGER.aadObjectId} lecteur Paul Inconnu`);
    const admin = await schema.db.agent.findUniqueOrThrow({ where: { aadObjectId: CONFIGURED.aadObjectId } });
    expect(admin).toMatchObject({ name: CONFIGURED.name, role: "ADMIN", active: true });
    const bootstrap = await schema.db.auditLog.findFirstOrThrow({ where: { action: "agent.bootstrap" } });
    expect(bootstrap).toMatchObject({ actorId: admin.id, entityId: String(admin.id), before: null });
    const paul = await schema.db.agent.findUniqueOrThrow({ where: { aadObjectId: STRANGER.aadObjectId } });
    const added = await schema.db.auditLog.findFirstOrThrow({
      where: { action: "agent.add", entityId: String(paul.id) },
    });
    expect(added.actorId).toBe(admin.id);
    // Claire is no longer the last admin: she may step down.
    expect(await say(CLAIRE, `agent rôle ${CLAIRE.aadObjectId} agent`)).toContain("passe du rôle administrateur");
  });
});

describe("one transaction for the change and its audit line", () => {
  it("leaves neither the agent nor the audit line when the transaction fails after the audit insert", async () => {
    const aadObjectId = "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e77";
    const actor = { agentId: ids["Claire Dufau"] ?? null, name: "Claire Dufau" };
    let auditedInside = 0;
    await expect(
      schema.db.$transaction(async (tx) => {
        const agent = await addAgent(tx, actor, { aadObjectId, role: "AGENT", name: "Éphémère" }, NOW);
        auditedInside = await tx.auditLog.count({ where: { entity: "Agent", entityId: String(agent.id) } });
        throw new Error("panne après l'écriture du journal");
      }),
    ).rejects.toThrow("panne après l'écriture du journal");
    expect(auditedInside).toBe(1);
    expect(await schema.db.agent.count({ where: { aadObjectId } })).toBe(0);
    expect(await schema.db.auditLog.count({ where: { after: { path: ["aadObjectId"], equals: aadObjectId } } })).toBe(
      0,
    );
  });
});
