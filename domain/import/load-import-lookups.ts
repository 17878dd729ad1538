import type { DbTx } from "../../prisma/create-db.ts";
import type { HolderKind, ProjectStatus } from "../../prisma/generated/enums.ts";
import { labelKey } from "./label-key.ts";
import type { ImportRow } from "./normalize-row.ts";

export interface ExistingHolder {
  id: number;
  name: string;
  kind: HolderKind;
  phone: string | null;
}

export interface ExistingProject {
  id: number;
  title: string;
  themeId: number | null;
  themeName: string | null;
  /** `year|labelKey(name)` of its theme, null without one. */
  themeKey: string | null;
  communeId: number | null;
  communeName: string | null;
  /** `cantonId|labelKey(name)` of its commune, null without one. */
  communeKey: string | null;
  cantonId: number;
  cantonName: string;
  holderId: number;
  holderEmail: string;
  isYouth: boolean;
  votes: number;
  awardedCents: number;
  status: ProjectStatus;
}

/** What the file's rows may refer to, read once; keys use `labelKey` so spellings match. */
export interface ImportLookups {
  editionIdByYear: Map<number, number>;
  /** `year|labelKey(name)` */
  themeByKey: Map<string, { id: number; name: string }>;
  /** `cantonId|labelKey(name)` */
  communeByKey: Map<string, { id: number; name: string }>;
  /** Lower-case e-mail → the oldest porteur with it. */
  holderByEmail: Map<string, ExistingHolder>;
  projectByReference: Map<string, ExistingProject>;
}

/** Five queries, whatever the number of rows. */
export async function loadImportLookups(db: DbTx, rows: ImportRow[]): Promise<ImportLookups> {
  const years = [...new Set(rows.map((r) => r.editionYear))];
  const cantonIds = [...new Set(rows.map((r) => r.canton.id))];
  const emails = [...new Set(rows.map((r) => r.holder.email))];
  const [editions, themes, communes, holders, projects] = await Promise.all([
    db.edition.findMany({ where: { year: { in: years } }, select: { id: true, year: true } }),
    db.theme.findMany({
      where: { edition: { year: { in: years } } },
      select: { id: true, name: true, edition: { select: { year: true } } },
      orderBy: { id: "asc" },
    }),
    db.commune.findMany({
      where: { cantonId: { in: cantonIds } },
      select: { id: true, name: true, cantonId: true },
      orderBy: { id: "asc" },
    }),
    db.holder.findMany({
      where: { email: { in: emails, mode: "insensitive" } },
      select: { id: true, email: true, name: true, kind: true, phone: true },
      orderBy: { id: "asc" },
    }),
    db.project.findMany({
      where: { reference: { in: rows.map((r) => r.reference) } },
      select: {
        id: true,
        reference: true,
        title: true,
        themeId: true,
        communeId: true,
        cantonId: true,
        holderId: true,
        isYouth: true,
        votes: true,
        awardedCents: true,
        status: true,
        theme: { select: { name: true } },
        commune: { select: { name: true, cantonId: true } },
        canton: { select: { name: true } },
        holder: { select: { email: true } },
        edition: { select: { year: true } },
      },
    }),
  ]);
  const firstByKey = <T>(entries: [string, T][]) => {
    const map = new Map<string, T>();
    for (const [key, value] of entries) if (!map.has(key)) map.set(key, value);
    return map;
  };
  return {
    editionIdByYear: new Map(editions.map((e) => [e.year, e.id])),
    themeByKey: firstByKey(themes.map((t) => [`${t.edition.year}|${labelKey(t.name)}`, { id: t.id, name: t.name }])),
    communeByKey: firstByKey(communes.map((c) => [`${c.cantonId}|${labelKey(c.name)}`, { id: c.id, name: c.name }])),
    holderByEmail: firstByKey(
      holders.map((h) => [h.email.toLowerCase(), { id: h.id, name: h.name, kind: h.kind, phone: h.phone }]),
    ),
    projectByReference: new Map(
      projects.map((p) => [
        p.reference,
        {
          id: p.id,
          title: p.title,
          themeId: p.themeId,
          themeName: p.theme?.name ?? null,
          themeKey: p.theme ? `${p.edition.year}|${labelKey(p.theme.name)}` : null,
          communeId: p.communeId,
          communeName: p.commune?.name ?? null,
          communeKey: p.commune ? `${p.commune.cantonId}|${labelKey(p.commune.name)}` : null,
          cantonId: p.cantonId,
          cantonName: p.canton.name,
          holderId: p.holderId,
          holderEmail: p.holder.email.toLowerCase(),
          isYouth: p.isYouth,
          votes: p.votes,
          awardedCents: p.awardedCents,
          status: p.status,
        },
      ]),
    ),
  };
}
