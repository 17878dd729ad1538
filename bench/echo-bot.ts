/**
 * The floor of the latency benchmark: a bot that only echoes, on the same adapter
 * (`createAdapter`: CloudAdapter in local mode, its outgoing clients kept) and the same
 * HTTP server (restify with the same body parser) as the assistant. Run by
 * bench/bot-latency.ts as its own process. With BENCH_SPIN_US (`--calibrate`), it also
 * computes that many microseconds per message before answering: a bot with only that much
 * more work than the echo.
 */
import { ActivityHandler } from "botbuilder";
import restify from "restify";
import { createAdapter } from "../bot/teams/create-adapter.ts";
import { loadConfig } from "../domain/config/load-config.ts";
import { createLogger } from "../domain/log/create-logger.ts";

const port = Number(process.argv[2] ?? 3990);
const config = loadConfig(process.env);
const adapter = createAdapter(config, createLogger({ level: config.LOG_LEVEL, name: "echo" }));
const spinUs = Number(process.env.BENCH_SPIN_US ?? 0);
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  if (spinUs > 0) spin(spinUs);
  await context.sendActivity(`écho : ${context.activity.text ?? ""}`);
  await next();
});
const server = restify.createServer({ name: "echo", handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
server.post("/api/messages", async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(port, "127.0.0.1", () => process.stdout.write(`ready ${port}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));

/** Keeps the thread busy for `us` microseconds (as long as a bot's own work would). */
function spin(us: number): void {
  const end = performance.now() + us / 1000;
  while (performance.now() < end) {}
}
