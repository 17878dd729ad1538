import { describe, expect, it } from "vitest";
import type { BotDeps } from "../../../bot/commands/command.ts";
import { prefetchCommand } from "../../../bot/commands/prefetch-command.ts";

/** Deps whose read caches only record the project facts asked for ahead of the turn. */
function recordingDeps(asked: string[]): BotDeps {
  return { reads: { prefetchProjectFacts: (reference: string) => asked.push(reference) } } as unknown as BotDeps;
}

describe("prefetchCommand", () => {
  it("starts reading the card of the project a statut message names", () => {
    const asked: string[] = [];
    prefetchCommand("statut 2022-17", recordingDeps(asked));
    prefetchCommand("St 2021-004", recordingDeps(asked));
    expect(asked).toEqual(["2022-017", "2021-004"]);
  });

  it("starts nothing for other commands, a search or a statut without reference", () => {
    const asked: string[] = [];
    for (const text of ["statut", "statut skatepark", "cherche 2022-017", "projets 2022", "aide"]) {
      prefetchCommand(text, recordingDeps(asked));
    }
    expect(asked).toEqual([]);
  });
});
