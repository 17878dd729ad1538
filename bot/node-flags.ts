/**
 * Node options of the bot's process, wherever it is started (`npm start`, `npm run bot`,
 * the benchmark, the tests that spawn it). A young generation of 64 MiB per half instead
 * of V8's 16: a busy bot allocates about 370 KiB per message (the Bot Framework's
 * pipeline alone about 260), and every scavenge copies what the turns in flight still
 * hold, whatever the young generation's size; four times fewer scavenges then cost about
 * a third less collection time in all (see the README's « Décisions »).
 */
export const BOT_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=64"];

/** The command line of `npm run bot` (package.json), kept equal to these flags by a test. */
export const BOT_COMMAND = `node ${BOT_NODE_FLAGS.join(" ")} --import tsx bot/main.ts`;
