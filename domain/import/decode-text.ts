/** The encodings found in files exported from Excel or LibreOffice on French machines. */
export type TextEncoding = "UTF-8" | "UTF-8 avec BOM" | "Windows-1252";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
/**
 * Windows-1252's characters for bytes 0x80-0x9F (undefined ones kept as is). Node 20's
 * TextDecoder("windows-1252") decodes them as Latin-1 control characters, losing the
 * €, the typographic apostrophe and the œ French sheets are full of: hence this table.
 */
const HIGH_1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? HIGH_1252[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}

/**
 * Decodes a CSV whatever Excel saved it as: UTF-8 with or without BOM, or Windows-1252
 * (« CSV (séparateur : point-virgule) » on a French Windows). Bytes that are not valid
 * UTF-8 mean Windows-1252: a French text in Windows-1252 with an accent is never valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: strictUtf8.decode(body), encoding: hasBom ? "UTF-8 avec BOM" : "UTF-8" };
  } catch {
    return { text: decodeWindows1252(body), encoding: "Windows-1252" };
  }
}
