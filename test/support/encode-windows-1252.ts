/** Windows-1252's characters above Latin-1's printable range (0x80-0x9F), as Excel on Windows writes them. */
const HIGH: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  "„": 0x84,
  "…": 0x85,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "–": 0x96,
  "—": 0x97,
  œ: 0x9c,
  Œ: 0x8c,
  Ÿ: 0x9f,
};

/** Encodes text as Windows-1252 (Node has a decoder but no encoder); throws on a character it lacks. */
export function encodeWindows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0) ?? 0;
      const byte = HIGH[char] ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : undefined);
      if (byte === undefined) throw new Error(`not in Windows-1252: ${char}`);
      return byte;
    }),
  );
}
