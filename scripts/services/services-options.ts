/** Receives the short French lines that say what the service checks did. */
export type Log = (line: string) => void;

/** Where the services should answer and where a locally started instance keeps its files. */
export interface ServicesOptions {
  /** PostgreSQL URL of the application's database (`DATABASE_URL`). */
  databaseUrl: string;
  /** Redis URL (`REDIS_URL`). */
  redisUrl: string;
  /**
   * The data folder (default: the project's git-ignored `.data`): a started PostgreSQL
   * lives in `<dataDir>/postgres`, Redis in `<dataDir>/redis`, their logs beside them.
   */
  dataDir?: string;
  /** Default: `console.log`. */
  log?: Log;
}

/** {@link ServicesOptions} with the defaults filled in and `dataDir` absolute. */
export type ResolvedServicesOptions = Required<ServicesOptions>;

/** What a check found for one service: answering, or not, or answering but refusing us. */
export type ProbeResult =
  | { state: "ready" }
  | { state: "unreachable"; reason: string }
  | { state: "rejected"; reason: string };
