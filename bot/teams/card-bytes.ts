import { CardFactory } from "botbuilder";

/**
 * Adaptive Cards leave as UTF-8 bytes made once per card. A card answered again (a page or
 * a card kept by the read cache, asked for again) was turned into JSON, then into UTF-8,
 * at every send: for a list card of 5 Ko, as much as the rest of the Bot Framework's
 * serialisation of the reply. Here, each card object is serialised at its first send and
 * its bytes kept beside it (`WeakMap`: they go when the card goes); the outgoing activity
 * carries a marker in its place (`withCardMarkers`), and the HTTP pipeline puts the bytes
 * back where the serialised body shows the marker (`spliceCardBytes`). The body sent is the
 * very one `JSON.stringify` would give. A card must therefore never change once sent: the
 * read cache's cards are not (« Never modify the card it returns »).
 */
const cardBytes = new WeakMap<object, Buffer>();

/** The bytes of the cards of the sends under way, by marker; each send removes its own. */
const pending = new Map<string, Buffer>();
let sends = 0;

/** Starts every marker: a NUL, which no text of ours and no stored text holds (`checkActivity`). */
const MARKER = "\u0000bpc40-card:";
/** How a marker starts in a JSON body: `"\u0000bpc40-card:`. */
const MARKER_IN_JSON = JSON.stringify(MARKER).slice(0, -1);

/** A card's JSON as UTF-8 bytes, made at its first send (not taken from Node's shared pool: kept as long as the card). */
function serializedCard(card: object): Buffer {
  let bytes = cardBytes.get(card);
  if (!bytes) {
    const encoded = new TextEncoder().encode(JSON.stringify(card));
    bytes = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
    cardBytes.set(card, bytes);
  }
  return bytes;
}

/**
 * `activity` with each Adaptive Card replaced by a marker of its bytes, and the function that
 * forgets those markers once the send is over; `activity` itself when it holds no card. The
 * activity given is not changed (botbuilder keeps it for the turn's `onSendActivities`).
 */
export function withCardMarkers<A extends { attachments?: { contentType?: string; content?: unknown }[] }>(
  activity: A,
): { activity: A; done: () => void } {
  const attachments = activity.attachments;
  if (!attachments?.some(isCard)) return { activity, done: noop };
  const markers: string[] = [];
  const marked = attachments.map((attachment) => {
    if (!isCard(attachment)) return attachment;
    sends += 1;
    const marker = `${MARKER}${sends}`;
    pending.set(marker, serializedCard(attachment.content as object));
    markers.push(marker);
    return { ...attachment, content: marker };
  });
  return {
    activity: { ...activity, attachments: marked },
    done: () => {
      for (const marker of markers) pending.delete(marker);
    },
  };
}

/**
 * The UTF-8 bytes of a serialised body, with each card marker replaced by the card's bytes.
 * A body without markers is simply encoded; a marker no send is waiting for (none should
 * be) is left as it is.
 */
export function spliceCardBytes(body: string): Buffer {
  if (pending.size === 0 || !body.includes(MARKER_IN_JSON)) return Buffer.from(body, "utf8");
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(MARKER_IN_JSON); at >= 0; at = body.indexOf(MARKER_IN_JSON, at + 1)) {
    const end = body.indexOf('"', at + MARKER_IN_JSON.length);
    if (end < 0) break;
    const bytes = pending.get(JSON.parse(body.slice(at, end + 1)) as string);
    if (!bytes) continue;
    parts.push(Buffer.from(body.slice(from, at), "utf8"), bytes);
    from = end + 1;
  }
  parts.push(Buffer.from(body.slice(from), "utf8"));
  return Buffer.concat(parts);
}

function isCard(attachment: { contentType?: string; content?: unknown }): boolean {
  return (
    attachment.contentType === CardFactory.contentTypes.adaptiveCard &&
    typeof attachment.content === "object" &&
    attachment.content !== null
  );
}

function noop(): void {}

/** Sends whose cards are waiting to be put back in their body (none once every send is over). */
export function cardSendsUnderWay(): number {
  return pending.size;
}
