import { loadConfig } from "../domain/config/load-config.ts";
import { ChatSession } from "./chat/chat-session.ts";
import { LineReader } from "./chat/line-reader.ts";
import { CHAT_USAGE, parseChatArgs } from "./chat/parse-chat-args.ts";
import { runChat } from "./chat/run-chat.ts";
import { ansiStyle, plainStyle } from "./chat/text-style.ts";

/**
 * `npm run chat`: talk to the running bot (`npm start`) from the terminal, through the
 * Bot Framework protocol exactly as Teams does, so a newcomer sees replies and cards
 * without a Teams tenant. Lines can be piped in: `printf 'statut 2022-017\n' | npm run chat`.
 */
const config = loadConfig(process.env);
const args = parseChatArgs(process.argv.slice(2), config.PORT);
if ("error" in args) {
  console.error(args.error);
  process.exit(2);
}
if (args.help) {
  console.log(CHAT_USAGE.join("\n"));
  process.exit(0);
}

const interactive = Boolean(process.stdin.isTTY);
const style = process.stdout.isTTY ? ansiStyle : plainStyle;
const session = await new ChatSession({ botUrl: args.botUrl, style, raw: args.raw }).start();
if (await session.isBotReachable()) {
  const reader = new LineReader({ input: process.stdin, output: process.stdout, interactive });
  process.exitCode = await runChat(session, {
    read: (prompt, prefill) => reader.read(prompt, prefill),
    print: (lines) => reader.print(lines),
    interactive,
    style,
  });
  reader.close();
} else {
  console.error(session.unreachableMessage);
  process.exitCode = 1;
}
await session.close();
// Keep-alive sockets to the bot must not hold the process once the conversation is over.
setTimeout(() => process.exit(), 1_000).unref();
