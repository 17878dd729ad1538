/**
 * The floor of the latency benchmark: a bot that only echoes, on the same adapter
 * (CloudAdapter, local mode) and the same HTTP server (restify with the same body
 * parser) as the assistant. Run by bench/bot-latency.ts as its own process.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import restify from "restify";

const port = Number(process.argv[2] ?? 3990);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
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
