import { askCardInputs, type InputAsker } from "./ask-card-inputs.ts";
import { LOCAL_AGENT } from "./build-teams-activity.ts";
import type { ChatSession } from "./chat-session.ts";
import { formatOutput } from "./format-output.ts";
import type { TextStyle } from "./text-style.ts";

export const PROMPT = "Vous › ";

/** The client's own help (`/aide`); `aide` without a slash asks the bot for its commands. */
export const CHAT_HELP = [
  "Client de discussion local : vous parlez au bot lancé par `npm start`, comme depuis Teams.",
  "  <message>     envoyé au bot (ex. statut 2022-017, aide)",
  "  /1  ou  !1    lance l'action 1 de la dernière carte ; ses champs sont demandés un par un",
  "                (Entrée garde la valeur proposée)",
  "  /brut         affiche ou masque le JSON brut reçu du bot",
  "  /aide         cette aide",
  "  /quitter      quitte (ou Ctrl+D)",
];

type ChatLine =
  | { kind: "empty" | "quit" | "help" | "raw" }
  | { kind: "action"; number: number }
  | { kind: "unknown"; command: string }
  | { kind: "text"; text: string };

/** A typed line: a client command (`/…`, `!1`) or a message for the bot. */
export function parseChatLine(line: string): ChatLine {
  const text = line.trim();
  if (!text) return { kind: "empty" };
  const action = /^[/!]\s*(\d+)$/.exec(text);
  if (action) return { kind: "action", number: Number(action[1]) };
  if (!text.startsWith("/")) return { kind: "text", text };
  const command = text.slice(1).toLowerCase();
  if (["quitter", "q", "quit", "exit", "sortir"].includes(command)) return { kind: "quit" };
  if (["aide", "help", "?"].includes(command)) return { kind: "help" };
  if (["brut", "raw", "json"].includes(command)) return { kind: "raw" };
  return { kind: "unknown", command: text };
}

export interface ChatIo extends InputAsker {
  style: TextStyle;
}

/**
 * The read-send-show loop of `npm run chat`. Each line waits for the bot's replies
 * before the next is read. Returns the exit code: 1 if the bot could not be reached
 * or refused something, 0 otherwise.
 */
export async function runChat(session: ChatSession, io: ChatIo): Promise<number> {
  let failed = false;
  const stop = session.onOutput((output) => {
    if (output.kind === "error") failed = true;
    io.print(formatOutput(output, io.style));
  });
  io.print([
    `Discussion avec le bot BPC40 sur ${session.botUrl}, comme ${LOCAL_AGENT.name} dans Teams.`,
    "Tapez un message (ex. « statut 2022-017 », « aide »), /aide pour ce client, /quitter pour sortir.",
  ]);
  try {
    for (;;) {
      const line = await io.read(PROMPT);
      if (line === null) break;
      const parsed = parseChatLine(line);
      if (parsed.kind === "quit") break;
      if (parsed.kind === "help") io.print(CHAT_HELP);
      if (parsed.kind === "unknown") io.print([`Commande inconnue : ${parsed.command}. Tapez /aide.`]);
      if (parsed.kind === "raw") {
        session.raw = !session.raw;
        io.print([session.raw ? "JSON brut affiché." : "JSON brut masqué."]);
      }
      if (parsed.kind === "text") await session.send(parsed.text);
      if (parsed.kind === "action") await runAction(session, parsed.number, io);
    }
  } finally {
    stop();
  }
  return failed ? 1 : 0;
}

async function runAction(session: ChatSession, number: number, io: ChatIo): Promise<void> {
  const inputs = session.inputsFor(number);
  if (inputs.length > 0) io.print(["Champs de la carte (Entrée garde la valeur proposée) :"]);
  const values = await askCardInputs(inputs, io);
  if (values === null) {
    io.print(["Action annulée."]);
    return;
  }
  await session.runAction(number, values);
}
