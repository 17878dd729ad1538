/**
 * A word's trigrams as pg_trgm sees them, computed once so that a lexicon scanned for every
 * typed word does not re-split its words. A trigram is its 3 bytes packed in an integer
 * (`b0 << 16 | b1 << 8 | b2`), the bytes pg_trgm compares.
 */
export interface Trigrams {
  /** The distinct trigrams, ascending: what `similarity` intersects. */
  readonly set: Int32Array;
  /** Every trigram in text order, as an index into `set`: what `wordSimilarity` walks. */
  readonly sequence: Int32Array;
}

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;

/** pg_trgm's `ISWORDCHR` (alphanumeric); for non-ASCII, Unicode letters and digits, close to glibc's. */
function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return NON_ASCII_WORD_CHAR.test(char);
}

let crcTable: Uint32Array | undefined;

/** PostgreSQL's "legacy" CRC-32 (reflected table, shifted the normal way), pg_trgm's hash. */
function legacyCrc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[((crc >>> 24) ^ byte) & 0xff] ?? 0) ^ (crc << 8);
  return ~crc >>> 0;
}

const encoder = new TextEncoder();

/** Three characters as pg_trgm packs them: their bytes when ASCII, else 3 bytes of a CRC (little-endian). */
function packTrigram(chars: readonly string[], at: number): number {
  const a = chars[at] ?? " ";
  const b = chars[at + 1] ?? " ";
  const c = chars[at + 2] ?? " ";
  if (a.length === 1 && b.length === 1 && c.length === 1) {
    const [x, y, z] = [a.charCodeAt(0), b.charCodeAt(0), c.charCodeAt(0)];
    if (x < 0x80 && y < 0x80 && z < 0x80) return (x << 16) | (y << 8) | z;
  }
  const crc = legacyCrc32(encoder.encode(a + b + c));
  return ((crc & 0xff) << 16) | (crc & 0xff00) | ((crc >>> 16) & 0xff);
}

/** Trigrams in text order, with repeats (pg_trgm's `generate_trgm_only`). */
function trigramSequence(text: string): number[] {
  const out: number[] = [];
  let word: string[] = [];
  const flush = () => {
    if (word.length === 0) return;
    const chars = [" ", " ", ...[...word.join("").toLowerCase()], " "];
    for (let i = 0; i + 2 < chars.length; i++) out.push(packTrigram(chars, i));
    word = [];
  };
  for (const char of text) {
    if (isWordChar(char)) word.push(char);
    else flush();
  }
  flush();
  return out;
}

/**
 * Splits `text` into pg_trgm's trigrams once: words are runs of letters and digits, lower-cased,
 * padded with two spaces before and one after.
 */
export function trigramsOf(text: string): Trigrams {
  const all = trigramSequence(text);
  const set = Int32Array.from(new Set(all)).sort();
  const sequence = Int32Array.from(all, (code) => indexIn(set, code));
  return { set, sequence };
}

function indexIn(sorted: Int32Array, code: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = sorted[mid] ?? 0;
    if (value === code) return mid;
    if (value < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * pg_trgm's `CALCSML`: shared trigrams over the union, in float4 as PostgreSQL computes it
 * (rounding the exact double quotient to float32 gives the same value as float division).
 */
export function trigramRatio(common: number, length1: number, length2: number): number {
  return Math.fround(common / (length1 + length2 - common));
}

const asTrigrams = (x: string | Trigrams): Trigrams => (typeof x === "string" ? trigramsOf(x) : x);

/**
 * pg_trgm's `similarity(a, b)`, bit for bit (a float4 value): shared distinct trigrams over
 * all distinct trigrams of both. Pass precomputed `trigramsOf` results on hot paths.
 */
export function similarity(a: string | Trigrams, b: string | Trigrams): number {
  const x = asTrigrams(a).set;
  const y = asTrigrams(b).set;
  if (x.length === 0 || y.length === 0) return 0;
  let common = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    const d = (x[i] ?? 0) - (y[j] ?? 0);
    if (d <= 0) i++;
    if (d >= 0) j++;
    if (d === 0) common++;
  }
  return trigramRatio(common, x.length, y.length);
}

/** For each distinct trigram of `text`, whether `pattern` has it too. */
function foundIn(pattern: Int32Array, text: Int32Array): Uint8Array {
  const found = new Uint8Array(text.length);
  for (let i = 0, j = 0; i < pattern.length && j < text.length; ) {
    const d = (pattern[i] ?? 0) - (text[j] ?? 0);
    if (d === 0) found[j] = 1;
    if (d <= 0) i++;
    if (d >= 0) j++;
  }
  return found;
}

/**
 * pg_trgm's `word_similarity(pattern, text)`, bit for bit: the best similarity between the
 * pattern's trigrams and a continuous extent of the text's trigrams, found the way
 * `iterate_word_similarity` does: a greedy scan (not always the best extent), kept as is
 * because the point is PostgreSQL's number.
 */
export function wordSimilarity(pattern: string | Trigrams, text: string | Trigrams): number {
  const p = asTrigrams(pattern);
  const t = asTrigrams(text);
  const ulen1 = p.set.length;
  const seq = t.sequence;
  if (ulen1 === 0 || seq.length === 0) return 0;
  const found = foundIn(p.set, t.set);
  const lastPos = new Int32Array(t.set.length).fill(-1);
  let ulen2 = 0;
  let count = 0;
  let lower = -1;
  let best = 0;
  for (let upper = 0; upper < seq.length; upper++) {
    const trigram = seq[upper] ?? 0;
    if (lower >= 0 || found[trigram]) {
      if ((lastPos[trigram] ?? 0) < 0) {
        ulen2++;
        count += found[trigram] ?? 0;
      }
      lastPos[trigram] = upper;
    }
    if (!found[trigram]) continue;
    if (lower === -1) {
      lower = upper;
      ulen2 = 1;
    }
    let current = trigramRatio(count, ulen1, ulen2);
    // Try each later start of the extent, keeping the first that does strictly better.
    const previousLower = lower;
    for (let start = lower, tmpCount = count, tmpUlen2 = ulen2; start <= upper; start++) {
      const candidate = trigramRatio(tmpCount, ulen1, tmpUlen2);
      if (candidate > current) {
        current = candidate;
        ulen2 = tmpUlen2;
        lower = start;
        count = tmpCount;
      }
      const leaving = seq[start] ?? 0;
      if (lastPos[leaving] === start) {
        tmpUlen2--;
        tmpCount -= found[leaving] ?? 0;
      }
    }
    best = Math.max(best, current);
    for (let start = previousLower; start < lower; start++) {
      const leaving = seq[start] ?? 0;
      if (lastPos[leaving] === start) lastPos[leaving] = -1;
    }
  }
  return best;
}
