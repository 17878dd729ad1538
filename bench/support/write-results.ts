import { readFile, writeFile } from "node:fs/promises";

const RESULTS = new URL("../RESULTS.md", import.meta.url);

/** Replaces (or appends) the section `id` of bench/RESULTS.md, keeping the other benchmarks' figures. */
export async function writeResults(id: string, markdown: string): Promise<void> {
  const start = `<!-- ${id}:start -->`;
  const end = `<!-- ${id}:end -->`;
  let current = "";
  try {
    current = await readFile(RESULTS, "utf8");
  } catch {
    current =
      "# Résultats des mesures\n\nChaque section est réécrite par le script qui l'a produite (commande indiquée).\n";
  }
  const block = `${start}\n${markdown}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  const next = pattern.test(current) ? current.replace(pattern, block) : `${current.trimEnd()}\n\n${block}\n`;
  await writeFile(RESULTS, next);
}
