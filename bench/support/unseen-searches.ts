/**
 * Searches an agent could type, each at most once per sequence: the fifteen subjects of the
 * generated titles (`make-projects.ts`) with each commune, typed seven ways (order, a typo,
 * a command word, « à », a comma). Used by the latency bench (« recherche jamais vue ») and
 * the search's cache bench.
 */
const SUBJECTS = [
  ...["skatepark", "jardin partage", "boite a livres", "pumptrack", "verger", "city stade", "ruches"],
  ...["aire de jeux", "fresque", "composteurs", "abri velos", "parcours de sante", "bibliotheque de rue"],
  ...["table de pique-nique", "hotel a insectes"],
];
const TYPINGS = [
  (s: string, c: string) => `${s} ${c}`,
  (s: string, c: string) => `${c} ${s}`,
  (s: string, c: string) => `${s.slice(0, -1)} ${c}`,
  (s: string, c: string) => `${c} ${s.slice(0, -1)}`,
  (s: string, c: string) => `cherche ${s} ${c}`,
  (s: string, c: string) => `${s} à ${c}`,
  (s: string, c: string) => `${c}, ${s}`,
];

/** The `n`-th search of the sequence over `communes`; the sequence repeats after subjects × communes × 7. */
export function unseenSearchText(communes: readonly string[], n: number): string {
  const subject = SUBJECTS[n % SUBJECTS.length] as string;
  const commune = communes[Math.floor(n / SUBJECTS.length) % communes.length] as string;
  const typing = TYPINGS[Math.floor(n / (SUBJECTS.length * communes.length)) % TYPINGS.length] as (typeof TYPINGS)[0];
  return typing(subject, commune);
}

/** How many distinct texts the sequence holds. */
export function unseenSearchCount(communes: readonly string[]): number {
  return SUBJECTS.length * communes.length * TYPINGS.length;
}

/** What a latency run sends of never-typed searches (`bench/bot-latency.ts`). */
export interface UnseenSearchPlan {
  /** Sent to each bot before the first row, not measured. */
  warmUpRun: number;
  /** Measured per row and per bot, in `rounds` rounds, each after `max(warmUp, concurrency)` more. */
  requests: number;
  rounds: number;
  warmUp: number;
  concurrencies: readonly number[];
  /** Bots drawing from the bots' sequence: 1, or 2 with `--compare` (the echo has its own). */
  bots: number;
  /** The two-instance row of a full run: `requests` more at 64 conversations, after its warm-up. */
  twoInstances: boolean;
}

/**
 * How many texts of the bots' sequence a run sends, each at most once: a run that needs
 * more than the sequence holds stops midway (`bot-latency.ts` refuses a repeated text), so
 * it is checked before the first request.
 */
export function unseenSearchesNeeded(plan: UnseenSearchPlan): number {
  const perRow = (concurrency: number) =>
    plan.rounds * (Math.ceil(plan.requests / plan.rounds) + Math.max(plan.warmUp, concurrency));
  const rows = plan.concurrencies.reduce((sum, concurrency) => sum + perRow(concurrency), 0);
  const twoInstances = plan.twoInstances ? plan.requests + Math.max(plan.warmUp, 64) : 0;
  return plan.bots * (plan.warmUpRun + rows) + twoInstances;
}
