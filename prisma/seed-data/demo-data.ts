import { AGENTS, type AgentFacts } from "./agents.ts";
import { type EventSeed, inaugurationEvents } from "./build-events.ts";
import { buildFollowUp } from "./build-follow-up.ts";
import { HolderRegistry } from "./build-holder.ts";
import { buildProjects, type ProjectSeed } from "./build-projects.ts";
import { buildTerritory, type CantonSeed } from "./build-territory.ts";
import { campaignEvents } from "./campaign-events.ts";
import { EDITIONS, type EditionFacts } from "./editions.ts";
import type { FollowUpSeed } from "./follow-up-types.ts";
import { MandateBook } from "./mandate-book.ts";
import { EmailBook } from "./people.ts";
import { ROOMS, type RoomFacts } from "./rooms.ts";

export interface ProjectPlan {
  project: ProjectSeed;
  followUp: FollowUpSeed;
  events: EventSeed[];
}

/** Everything the demo seed writes, computed in memory first (pure: same `now`, same data). */
export interface DemoData {
  editions: readonly EditionFacts[];
  territory: CantonSeed[];
  agents: readonly AgentFacts[];
  rooms: readonly RoomFacts[];
  plans: ProjectPlan[];
  campaignEvents: EventSeed[];
}

export function buildDemoData(now: Date): DemoData {
  const emails = new EmailBook();
  const holders = new HolderRegistry();
  const mandates = new MandateBook();
  const territory = buildTerritory(emails);
  const plans = EDITIONS.flatMap((edition) =>
    buildProjects(edition, territory, { emails, holders }).map((project) => {
      const followUp = buildFollowUp(project, { now, edition, mandates });
      return { project, followUp, events: inaugurationEvents(project, followUp.inaugurations, now) };
    }),
  );
  return { editions: EDITIONS, territory, agents: AGENTS, rooms: ROOMS, plans, campaignEvents: campaignEvents(now) };
}
