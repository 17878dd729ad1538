import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchServerEnv, startEchoBot } from "../../bench/support/echo-server.ts";
import { ConnectorStandIn } from "../support/connector-stand-in.ts";
import { freePorts } from "../support/spawn-bot.ts";
import { teamsMessage } from "../support/teams-activity.ts";
import { testConfig } from "../support/test-config.ts";

// The latency bench's floor must start as the bench starts it (production mode, the bench's
// configuration, the assistant's adapter) and answer through the Bot Framework protocol.
let connector: ConnectorStandIn;
let echo: ChildProcess;
let port: number;

beforeAll(async () => {
  connector = await new ConnectorStandIn().start();
  [port] = (await freePorts(1)) as [number];
  echo = await startEchoBot(port, benchServerEnv(testConfig().DATABASE_URL));
});

afterAll(async () => {
  if (echo && echo.exitCode === null) {
    const exited = new Promise((resolve) => echo.once("exit", resolve));
    echo.kill("SIGTERM");
    await exited;
  }
  await connector?.stop();
});

describe("the benchmark's echo bot", () => {
  it("echoes a Teams message to the connector, as the bench measures it", async () => {
    const { activity, reply } = await sayHello(port);
    expect(reply?.activity.text).toBe("écho : bonjour");
    expect(reply?.replyToId).toBe(activity.id);
  });

  // `--calibrate`: the same echo, with a bot's worth of work of a known length per message.
  it("computes BENCH_SPIN_US microseconds per message before answering, when asked", async () => {
    const [spinPort] = (await freePorts(1)) as [number];
    const spinning = await startEchoBot(spinPort, {
      ...benchServerEnv(testConfig().DATABASE_URL),
      BENCH_SPIN_US: "50000",
    });
    try {
      const started = performance.now();
      const { reply } = await sayHello(spinPort);
      // A lower bound only: the echo cannot answer before it has spent the 50 ms asked.
      expect(performance.now() - started).toBeGreaterThanOrEqual(50);
      expect(reply?.activity.text).toBe("écho : bonjour");
    } finally {
      const exited = new Promise((resolve) => spinning.once("exit", resolve));
      spinning.kill("SIGTERM");
      await exited;
    }
  });
});

/** Posts « bonjour » to the echo on `to` as Teams would, and waits for its reply at the connector. */
async function sayHello(to: number) {
  const activity = teamsMessage({ serviceUrl: connector.url, text: "bonjour" });
  const response = await fetch(`http://127.0.0.1:${to}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity),
  });
  expect(response.status).toBe(200);
  const [reply] = await connector.waitFor(1, (activity.conversation as { id: string }).id);
  return { activity, reply };
}
