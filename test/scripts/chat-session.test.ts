import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../prisma/seed.ts";
import type { ChatOutput } from "../../scripts/chat/chat-output.ts";
import { ChatSession } from "../../scripts/chat/chat-session.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type RunningBot, startBot } from "../support/start-bot.ts";
import { testConfig } from "../support/test-config.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const NOW = new Date("2026-11-28T09:00:00Z");
let schema: FreshSchema;
let bot: RunningBot;
let session: ChatSession;

beforeAll(async () => {
  schema = await freshSchema("chat");
  await seed(schema.db, { now: NOW });
  bot = await startBot(testConfig({ DATABASE_SCHEMA: schema.schema }), schema.db, () => NOW);
  session = await new ChatSession({ botUrl: `${bot.url}/api/messages` }).start();
});

afterAll(async () => {
  await session?.close();
  await bot?.close();
  await schema?.drop();
});

const shown = (outputs: ChatOutput[]) => outputs.flatMap((output) => output.lines).join("\n");

/** Runs `scripts/chat.ts` as `npm run chat` would, with lines piped on stdin. */
function runCli(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/chat.ts", ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("npm run chat against the real bot", () => {
  it("holds a whole conversation through the Bot Framework protocol", async () => {
    const help = shown(await session.send("aide"));
    expect(help).toContain("Voici ce que je sais faire");
    expect(help).toContain("statut 2022-017");

    // A text reply today, a card tomorrow: both render the reference and the title.
    const status = await session.send("statut 2022-017");
    expect(status.some((output) => output.kind === "message" || output.kind === "card")).toBe(true);
    expect(shown(status)).toContain("2022-017");
    expect(shown(status)).toContain("Skatepark");

    expect(shown(await session.send("statut 2022-999"))).toContain("Je ne trouve aucun projet 2022-999");

    const actions = session.actions();
    if (actions.length > 0) {
      // The statut card's first action (inputs keep the card's values), answered in place or by a message.
      const answer = await session.runAction(1);
      expect(answer.filter((output) => output.kind === "error")).toEqual([]);
      expect(answer.some((output) => output.kind === "card" || output.kind === "message")).toBe(true);
      expect(shown(answer).trim()).not.toBe("");
    }
    // Else statut answered with text only: no card, so no action to run.

    session.raw = true;
    const raw = await session.send("statut 2022-017");
    session.raw = false;
    const json = raw.find((output) => output.kind === "raw");
    expect(json?.lines.join("\n")).toContain('"channelId": "msteams"');
    expect(shown(await session.runAction(42))).toMatch(/n'a pas d'action 42|Aucune carte/);
  });

  it("runs as a command with piped lines, waits for each reply and exits 0", async () => {
    const { code, stdout, stderr } = await runCli(
      ["--bot", `${bot.url}/api/messages`],
      "statut 2022-017\n/quitter\nstatut 2022-999\n",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("Vous › statut 2022-017");
    expect(stdout).toContain("BPC40 › ");
    expect(stdout).toContain("2022-017");
    expect(stdout).toContain("Skatepark");
    expect(stdout).not.toContain("\x1b[");
    expect(stdout).not.toContain("2022-999");
  });

  it("says in French that the bot must be started, and exits 1", async () => {
    const port = await closedPort();
    const botUrl = `http://127.0.0.1:${port}/api/messages`;
    const { code, stderr } = await runCli(["--bot", botUrl], "statut 2022-017\n");
    expect(code).toBe(1);
    expect(stderr).toContain(`Le bot ne répond pas sur ${botUrl} : lancez d'abord \`npm start\``);
  });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 9;
}
