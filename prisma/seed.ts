import type { Db, DbTx } from "./create-db.ts";
import { buildDemoData } from "./seed-data/demo-data.ts";
import { emptyCounts, type SeedCounts } from "./seed-data/seed-counts.ts";
import { knownUids, writeEvents, writeProjects } from "./seed-data/write-projects.ts";
import { writeReferenceData } from "./seed-data/write-reference-data.ts";

export type { SeedCounts } from "./seed-data/seed-counts.ts";

export interface SeedOptions {
  /**
   * The day the demo is seeded for (default: now). Due situations (unsigned conventions,
   * bilans n+1, planned payments, inaugurations in 7 days and tomorrow) are placed
   * relative to it. Meant for dates from 2026 on; earlier ones may squeeze some timelines.
   */
  now?: Date;
}

export interface SeedSummary {
  /** Rows created by this run, per table. */
  created: SeedCounts;
  /** True when the demo data was already there and nothing was written. */
  alreadyPresent: boolean;
}

const TRANSACTION = { maxWait: 10_000, timeout: 120_000 };
/** Advisory lock key ("BPC4" in ASCII) serialising seed runs of several processes started together. */
const SEED_LOCK_KEY = 0x42504334;

/** Runs `work` in a transaction holding the seed lock: a second process waits, then finds the rows there. */
function locked<T>(db: Db, work: (tx: DbTx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY}::bigint)`;
    return work(tx);
  }, TRANSACTION);
}

/**
 * Loads realistic demo data for the Landes participatory budget: editions 2019, 2021,
 * 2022 and 2024 with their winning projects, porteurs, conventions, payments, invoice
 * checks, rooms, events and agents, all invented on top of the public facts.
 *
 * Idempotent: rows with a natural key (edition year, canton slug, project reference,
 * event uid, agent AAD id...) are inserted only when absent, and follow-up rows without
 * one are created only for a project that has none of that kind. Nothing existing is
 * updated or deleted, so a second run, whatever its `now`, changes nothing.
 */
export async function seed(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const data = buildDemoData(options.now ?? new Date());
  const counts = emptyCounts();
  const ids = await locked(db, (tx) => writeReferenceData(tx, data, counts));
  for (const edition of data.editions) {
    const plans = data.plans.filter((plan) => plan.project.year === edition.year);
    await locked(db, (tx) => writeProjects(tx, plans, ids, counts));
  }
  await locked(db, async (tx) => {
    const taken = await knownUids(tx, data.campaignEvents);
    await writeEvents(
      tx,
      data.campaignEvents.filter((e) => !taken.has(e.uid)),
      ids,
      counts,
      null,
    );
  });
  return { created: counts, alreadyPresent: Object.values(counts).every((n) => n === 0) };
}

/** True when the database holds no edition and no project: the bot and worker may then seed it on start. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [editions, projects] = await Promise.all([db.edition.count(), db.project.count()]);
  return editions === 0 && projects === 0;
}

const LABELS: Record<keyof SeedCounts, [string, string]> = {
  editions: ["édition", "éditions"],
  themes: ["thème", "thèmes"],
  cantons: ["canton", "cantons"],
  communes: ["commune", "communes"],
  officials: ["conseiller départemental", "conseillers départementaux"],
  agents: ["agent", "agents"],
  rooms: ["salle", "salles"],
  holders: ["porteur", "porteurs"],
  projects: ["projet", "projets"],
  agreements: ["convention", "conventions"],
  payments: ["paiement", "paiements"],
  invoices: ["facture", "factures"],
  invoiceChecks: ["contrôle de facture", "contrôles de factures"],
  events: ["événement", "événements"],
  invitations: ["invitation", "invitations"],
};

/** « Données de démonstration : 4 éditions, 182 projets, … » or « déjà présentes, rien à faire ». */
export function describeSeedSummary(summary: SeedSummary): string {
  if (summary.alreadyPresent) return "Données de démonstration déjà présentes, rien à faire.";
  const parts = (Object.keys(LABELS) as (keyof SeedCounts)[])
    .filter((key) => summary.created[key] > 0)
    .map((key) => {
      const n = summary.created[key];
      const [one, many] = LABELS[key];
      return `${n.toLocaleString("fr-FR")} ${n > 1 ? many : one}`;
    });
  return `Données de démonstration : ${parts.join(", ")}.`;
}
