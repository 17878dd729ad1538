import type { DbTx } from "../create-db.ts";
import type { DemoData } from "./demo-data.ts";
import { roomKey } from "./rooms.ts";
import type { SeedCounts } from "./seed-counts.ts";

/** Ids of the reference rows, by the natural keys the seed data uses. */
export interface ReferenceIds {
  editionId: Map<number, number>;
  /** `editionId|name` */
  themeId: Map<string, number>;
  cantonId: Map<string, number>;
  /** `cantonId|name` */
  communeId: Map<string, number>;
  agentId: Map<string, number>;
  /** `site|name` */
  roomId: Map<string, number>;
}

/**
 * Editions, themes, cantons, communes, councillors, agents and rooms: inserted when their
 * natural key is absent (`skipDuplicates`, i.e. ON CONFLICT DO NOTHING), never updated,
 * so whatever agents changed since stays as they left it.
 */
export async function writeReferenceData(db: DbTx, data: DemoData, counts: SeedCounts): Promise<ReferenceIds> {
  counts.editions += (
    await db.edition.createMany({
      data: data.editions.map((e) => ({
        year: e.year,
        name: e.name,
        budgetCents: e.budgetCents,
        youthShareBp: e.youthShareBp,
        ideasFiled: e.ideasFiled,
        ideasVoted: e.ideasVoted,
        voters: e.voters,
        voteStartsAt: e.voteStartsAt,
        voteEndsAt: e.voteEndsAt,
        resultsAt: e.resultsAt,
        ...e.selection,
      })),
      skipDuplicates: true,
    })
  ).count;
  counts.cantons += (
    await db.canton.createMany({
      data: data.territory.map((c) => ({ slug: c.slug, name: c.name })),
      skipDuplicates: true,
    })
  ).count;
  counts.agents += (
    await db.agent.createMany({
      data: data.agents.map(({ aadObjectId, name, email, role, active }) => ({
        aadObjectId,
        name,
        email,
        role,
        active,
      })),
      skipDuplicates: true,
    })
  ).count;
  counts.rooms += (
    await db.room.createMany({
      data: data.rooms.map(({ site, name, address, capacity }) => ({ site, name, address, capacity })),
      skipDuplicates: true,
    })
  ).count;

  const editions = await db.edition.findMany({
    where: { year: { in: data.editions.map((e) => e.year) } },
    select: { id: true, year: true },
  });
  const editionId = new Map(editions.map((e) => [e.year, e.id]));
  const cantons = await db.canton.findMany({
    where: { slug: { in: data.territory.map((c) => c.slug) } },
    select: { id: true, slug: true },
  });
  const cantonId = new Map(cantons.map((c) => [c.slug, c.id]));

  counts.themes += (
    await db.theme.createMany({
      data: data.editions.flatMap((e) =>
        [...new Set(Object.values(e.themes))].map((name) => ({ editionId: idOf(editionId, e.year), name })),
      ),
      skipDuplicates: true,
    })
  ).count;
  counts.communes += (
    await db.commune.createMany({
      data: data.territory.flatMap((canton) =>
        canton.communes.map((c) => ({
          name: c.name,
          inseeCode: c.inseeCode ?? null,
          cantonId: idOf(cantonId, canton.slug),
          mayorName: c.mayorName,
          mayorEmail: c.mayorEmail,
        })),
      ),
      skipDuplicates: true,
    })
  ).count;
  counts.officials += (
    await db.electedOfficial.createMany({
      data: data.territory.flatMap((canton) =>
        canton.officials.map((o) => ({ name: o.name, email: o.email, cantonId: idOf(cantonId, canton.slug) })),
      ),
      skipDuplicates: true,
    })
  ).count;

  const [themes, communes, agents, rooms] = await Promise.all([
    db.theme.findMany({
      where: { editionId: { in: [...editionId.values()] } },
      select: { id: true, editionId: true, name: true },
    }),
    db.commune.findMany({
      where: { cantonId: { in: [...cantonId.values()] } },
      select: { id: true, cantonId: true, name: true },
    }),
    db.agent.findMany({
      where: { aadObjectId: { in: data.agents.map((a) => a.aadObjectId) } },
      select: { id: true, aadObjectId: true },
    }),
    db.room.findMany({ select: { id: true, site: true, name: true } }),
  ]);
  return {
    editionId,
    themeId: new Map(themes.map((t) => [`${t.editionId}|${t.name}`, t.id])),
    cantonId,
    communeId: new Map(communes.map((c) => [`${c.cantonId}|${c.name}`, c.id])),
    agentId: new Map(agents.map((a) => [a.aadObjectId, a.id])),
    roomId: new Map(rooms.map((r) => [roomKey(r), r.id])),
  };
}

export function idOf<K>(ids: Map<K, number>, key: K): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`donnée de référence introuvable : ${String(key)}`);
  return id;
}
