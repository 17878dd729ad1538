/** An RGBA colour, 0-255 each; alpha 0 paints transparency (a cut-out). */
export type Rgba = readonly [number, number, number, number];

/** A shape in unit coordinates: (0, 0) is the top-left corner of the icon, (1, 1) the bottom-right. */
export type Shape = (x: number, y: number) => boolean;

/** One coat of paint: where the shape is, the colour replaces what is below (transparency included). */
export interface Layer {
  shape: Shape;
  color: Rgba;
}

/** Samples per pixel side: 4 × 4 samples give smooth enough edges at 32 and 192 pixels. */
const SUPERSAMPLING = 4;

/**
 * Rasterises layers into RGBA pixels, the topmost layer under each sample winning, with
 * supersampling for anti-aliased edges (colours averaged premultiplied by alpha).
 */
export function drawIcon(size: number, layers: readonly Layer[]): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLING) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLING) / size;
          const color = topColor(layers, x, y);
          const alpha = color[3] / 255;
          r += color[0] * alpha;
          g += color[1] * alpha;
          b += color[2] * alpha;
          a += alpha;
        }
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = a ? Math.round(r / a) : 0;
      pixels[offset + 1] = a ? Math.round(g / a) : 0;
      pixels[offset + 2] = a ? Math.round(b / a) : 0;
      pixels[offset + 3] = Math.round((a / samples) * 255);
    }
  }
  return pixels;
}

function topColor(layers: readonly Layer[], x: number, y: number): Rgba {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    if (layer?.shape(x, y)) return layer.color;
  }
  return [0, 0, 0, 0];
}

/** An axis-aligned rectangle, optionally with rounded corners of radius `r`. */
export function rect(x0: number, y0: number, x1: number, y1: number, r = 0): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

/** A stroke of half-width `w` from (ax, ay) to (bx, by), with round ends. */
export function segment(ax: number, ay: number, bx: number, by: number, w: number): Shape {
  return (x, y) => {
    const [vx, vy] = [bx - ax, by - ay];
    const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    const [dx, dy] = [x - (ax + t * vx), y - (ay + t * vy)];
    return dx * dx + dy * dy <= w * w;
  };
}

export function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((shape) => shape(x, y));
}

/** 5 × 7 pixel glyphs, enough for the "40" of BPC40. */
const glyphs: Readonly<Record<string, readonly string[]>> = {
  "0": [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
  "4": ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
};

/** Text in the 5 × 7 pixel font, `height` tall, its top-left corner at (x0, y0); one blank column between glyphs. */
export function text(value: string, x0: number, y0: number, height: number): Shape {
  const cell = height / 7;
  return (x, y) => {
    const row = Math.floor((y - y0) / cell);
    const column = Math.floor((x - x0) / cell);
    if (row < 0 || row > 6 || column < 0) return false;
    const glyph = glyphs[value[Math.floor(column / 6)] ?? ""];
    return glyph?.[row]?.[column % 6] === "#";
  };
}

/** The width of `value` drawn by `text` at `height`. */
export function textWidth(value: string, height: number): number {
  return ((value.length * 6 - 1) * height) / 7;
}
