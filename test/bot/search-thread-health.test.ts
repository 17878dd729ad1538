import { describe, expect, it } from "vitest";
import { useSeededBot } from "../support/seeded-bot.ts";
import { waitUntil } from "../support/wait-until.ts";

// What an operator turns on for a machine with cores to spare (README, « Décisions »).
const running = useSeededBot("thread_health", new Date("2026-11-28T09:00:00Z"), {
  config: { BOT_SEARCH_THREAD: "true" },
});

describe("/healthz with the search thread on (BOT_SEARCH_THREAD=true)", () => {
  it("says the thread is « prêt » once its copy of the search memory is built, beside the main thread's", async () => {
    const seen = new Set<string>();
    const health = await waitUntil(async () => {
      const response = await fetch(`${running.bot.url}/healthz`);
      const body = (await response.json()) as { filDeRecherche: string; recherche: string };
      seen.add(body.filDeRecherche);
      return body.filDeRecherche === "prêt" && body.recherche.startsWith("en mémoire") ? body : false;
    }, "fil de recherche prêt");
    expect(health.recherche).toMatch(/^en mémoire \(\d+ projets, \d+ mots\)$/);
    // Only the words of the thread's states, never the one of a bot without it.
    for (const state of seen) expect(["en construction", "prêt"]).toContain(state);
  });
});
