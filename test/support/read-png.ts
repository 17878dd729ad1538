import { inflateSync } from "node:zlib";

export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  /** 6 = RGBA, 2 = RGB, 3 = palette, 0 = grey, 4 = grey + alpha. */
  colorType: number;
  /** 8-bit RGBA pixels, row by row; only decoded for 8-bit RGBA images. */
  rgba?: Uint8Array;
}

const SIGNATURE = "89504e470d0a1a0a";

/**
 * Reads a PNG as an image viewer would, independently of our encoder: the IHDR header and,
 * for 8-bit RGBA, the pixels with every row filter (None, Sub, Up, Average, Paeth) undone.
 */
export function readPng(png: Uint8Array): DecodedPng {
  const bytes = Buffer.from(png);
  if (bytes.subarray(0, 8).toString("hex") !== SIGNATURE) throw new Error("not a PNG signature");
  let offset = 8;
  let header: Omit<DecodedPng, "rgba"> | undefined;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("ascii", offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8]!, colorType: data[9]! };
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  if (!header) throw new Error("no IHDR chunk");
  if (header.bitDepth !== 8 || header.colorType !== 6) return header;
  return { ...header, rgba: unfilter(inflateSync(Buffer.concat(idat)), header.width, header.height) };
}

function unfilter(raw: Buffer, width: number, height: number): Uint8Array {
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? out[y * stride + x - 4]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? out[(y - 1) * stride + x - 4]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0] ?? 0;
      out[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
