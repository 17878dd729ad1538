import { writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { drawIcon, type Layer, type Rgba, rect, segment, text, textWidth, union } from "./draw-icon.ts";
import { encodePng } from "./encode-png.ts";

/** The Département's teal (also the web pages' and the manifest's accent colour). */
export const ACCENT_COLOR = "#00586B";
const TEAL: Rgba = [0x00, 0x58, 0x6b, 255];
const ORANGE: Rgba = [0xf5, 0xa6, 0x23, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** The committed icons, next to this file; `npm run package` puts them in the app zip. */
export const ICONS_DIR = fileURLToPath(new URL(".", import.meta.url));

/** Colour icon, 192 × 192: a ballot going into a ballot box marked "40", on the accent colour. */
export function makeColorIcon(): Buffer {
  const digitsHeight = 0.2;
  const digitsLeft = 0.5 - textWidth("40", digitsHeight) / 2;
  const layers: Layer[] = [
    { shape: rect(0, 0, 1, 1), color: TEAL },
    { shape: rect(0.16, 0.46, 0.84, 0.88, 0.04), color: WHITE },
    { shape: rect(0.28, 0.5, 0.72, 0.545, 0.02), color: TEAL },
    { shape: rect(0.36, 0.12, 0.64, 0.52, 0.02), color: WHITE },
    { shape: rect(0.28, 0.52, 0.72, 0.545), color: TEAL },
    { shape: union(segment(0.42, 0.31, 0.48, 0.38, 0.028), segment(0.48, 0.38, 0.58, 0.22, 0.028)), color: ORANGE },
    { shape: text("40", digitsLeft, 0.6, digitsHeight), color: TEAL },
  ];
  return encodePng(192, 192, drawIcon(192, layers));
}

/** Outline icon, 32 × 32: the same ballot and box as a white glyph on a transparent background. */
export function makeOutlineIcon(): Buffer {
  const px = (n: number) => n / 32;
  const layers: Layer[] = [
    { shape: rect(px(4), px(15), px(28), px(29), px(2)), color: WHITE },
    { shape: rect(px(11), px(3), px(21), px(19), px(1)), color: WHITE },
    { shape: rect(px(8), px(18), px(24), px(20)), color: CLEAR },
    {
      shape: union(
        segment(px(13.5), px(10), px(15.5), px(12.5), px(1.2)),
        segment(px(15.5), px(12.5), px(19), px(6.5), px(1.2)),
      ),
      color: CLEAR,
    },
  ];
  return encodePng(32, 32, drawIcon(32, layers));
}

/** Writes `color.png` and `outline.png` into `dir` (the committed ones by default). */
export async function writeIcons(dir = ICONS_DIR): Promise<void> {
  await writeFile(new URL("color.png", pathToFileURL(`${dir}/`)), makeColorIcon());
  await writeFile(new URL("outline.png", pathToFileURL(`${dir}/`)), makeOutlineIcon());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeIcons();
  console.log(`Icônes écrites dans ${ICONS_DIR} (color.png 192 × 192, outline.png 32 × 32).`);
}
