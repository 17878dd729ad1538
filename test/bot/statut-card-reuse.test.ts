import { describe, expect, it } from "vitest";
import type { BotDeps } from "../../bot/commands/command.ts";
import { statutCommand } from "../../bot/commands/statut.ts";
import type { TurnUser } from "../../bot/teams/resolve-user.ts";
import { createLogger } from "../../domain/log/create-logger.ts";
import type { ProjectCardFacts } from "../../domain/projects/project-card-facts.ts";

const user: TurnUser = { aadObjectId: "aad-1", name: "Agent", agentId: 1, role: "AGENT" };

function facts(title: string): ProjectCardFacts {
  return {
    reference: "2022-017",
    title,
    statusReason: null,
    isYouth: true,
    awardedCents: 3_000_000,
    editionYear: 2022,
    theme: "Sport",
    commune: "Grenade-sur-l'Adour",
    canton: "Adour Armagnac",
    holder: { name: "Asso Glisse", kind: "ASSOCIATION", contactName: null, email: "glisse@example.org", phone: null },
    followedBy: null,
    agreements: [],
    latestChecks: [],
    status: "IN_PROGRESS",
    announcedAt: new Date("2022-06-01T10:00:00Z"),
    completedAt: null,
    inauguratedAt: null,
    reportDueAt: null,
    reportReceivedAt: null,
    closedAt: null,
    abandonedAt: null,
    payments: [
      {
        kind: "ADVANCE",
        status: "PLANNED",
        amountCents: 900_000,
        plannedAt: new Date("2026-12-01T00:00:00Z"),
        sentAt: null,
      },
    ],
    plannedInaugurations: [],
  } as ProjectCardFacts;
}

/** `statut` with the read cache answering `current` and the clock at `clock.now`. */
function statut(current: { facts: ProjectCardFacts }, clock: { now: Date }) {
  const deps = {
    now: () => clock.now,
    reads: { projectFacts: async () => current.facts },
  } as unknown as BotDeps;
  return statutCommand.handle({
    args: "2022-017",
    deps,
    user,
    logger: createLogger({ level: "silent", name: "test" }),
    conversation: { id: "a:conv", type: "personal" },
  });
}

// The card of a `statut` is kept for the rest of its minute: asked again meanwhile, the same card
// (whose bytes are kept for the next send, see card-bytes.ts) rather than one made again.
describe("statut's card within a minute", () => {
  it("is the same card for the same facts in the same minute, a new one the next minute", async () => {
    const current = { facts: facts("Skatepark de Grenade") };
    const clock = { now: new Date("2026-11-29T16:42:05Z") };
    const first = await statut(current, clock);
    clock.now = new Date("2026-11-29T16:42:59Z");
    expect(await statut(current, clock)).toBe(first);
    clock.now = new Date("2026-11-29T16:43:00Z");
    const next = await statut(current, clock);
    expect(next).not.toBe(first);
    expect(JSON.stringify(next)).toContain("à 17 h 43");
    expect(JSON.stringify(first)).toContain("à 17 h 42");
  });

  it("is made again as soon as the project changed (the read cache holds new facts)", async () => {
    const current = { facts: facts("Skatepark de Grenade") };
    const clock = { now: new Date("2026-11-29T16:42:05Z") };
    const first = await statut(current, clock);
    current.facts = facts("Skatepark et pumptrack de Grenade");
    const changed = await statut(current, clock);
    expect(changed).not.toBe(first);
    expect(JSON.stringify(changed)).toContain("Skatepark et pumptrack de Grenade");
  });
});
