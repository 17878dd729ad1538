/**
 * Node options of the bot's process, wherever it is started (`npm start`, `npm run bot`,
 * the benchmark, the tests that spawn it). A young generation of 32 MiB per half instead
 * of V8's 16: a busy bot allocates about 370 KiB per message (the Bot Framework's
 * pipeline alone about 260), and every scavenge stops the turns in flight to copy what they
 * still hold; half as many scavenges cost the main thread less, and 32 rather than 64 keeps
 * each pause short enough for the p99 (see the README's « Décisions »).
 */
export const BOT_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=32"];

/** The command line of `npm run bot` (package.json), kept equal to these flags by a test. */
export const BOT_COMMAND = `node ${BOT_NODE_FLAGS.join(" ")} --import tsx bot/main.ts`;
