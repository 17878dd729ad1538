import { z } from "zod";

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

/** A 5-field cron whose hour field never selects 2 (02:00-03:00 Paris is skipped or doubled on DST days). */
const cronOutsideDstGap = z
  .string()
  .regex(/^\S+ \S+ \S+ \S+ \S+$/, "expression cron à 5 champs attendue (ex. 0 7 * * *)")
  .refine((cron) => !hourFieldIncludes(cron.split(" ")[1] ?? "", 2), {
    message: "aucune planification entre 02:00 et 03:00 (changement d'heure) : choisissez une autre heure",
  });

function hourFieldIncludes(field: string, hour: number): boolean {
  return field.split(",").some((part) => {
    const [range, stepText] = part.split("/");
    const step = stepText ? Number(stepText) : 1;
    const [from, to] = range === "*" ? [0, 23] : (range ?? "").split("-").map(Number);
    const start = from ?? 0;
    const end = to ?? (stepText ? 23 : start);
    return hour >= start && hour <= end && (hour - start) % step === 0;
  });
}

const ConfigShape = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** On SIGTERM the bot answers the requests in flight; after this long it exits anyway. */
  BOT_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(100).default(10_000),
  /**
   * A change committed at least this long before a message is always seen by its answer:
   * the turn relies on a sync round trip to PostgreSQL started since (see `ChangeFeed.sync`),
   * instead of one round trip per message. 0: one per message.
   */
  BOT_SYNC_WINDOW_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(1000).default(50)),
  /**
   * Free-text searches of a busy bot (more than one message in hand) answered by a second
   * thread with its own search memory (see `createSearchOffload`). Off by default: on two
   * cores it cost more than it saved (README, « Décisions »).
   */
  BOT_SEARCH_THREAD: z.stringbool().default(false),
  /** On SIGTERM a worker finishes its jobs in flight (or hands them back); after this long it exits anyway. */
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(100).default(25_000),
  PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  TZ_DEFAULT: z.string().default("Europe/Paris"),
  DATABASE_URL: z.url().default("postgresql://postgres@127.0.0.1:5432/bpc40"),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default("public"),
  REDIS_URL: z.url().default("redis://127.0.0.1:6379/0"),
  REDIS_PREFIX: z.string().min(1).default("bpc40"),
  SMTP_URL: optionalString.pipe(z.url().optional()),
  /** Where the development catcher (used when SMTP_URL is unset) writes the e-mails. */
  MAIL_CATCHER_DIR: optionalString,
  SMTP_FROM: z.string().default("Budget participatif des Landes <bpc40@landes.example.org>"),
  SMTP_OAUTH_USER: optionalString,
  SMTP_OAUTH_TENANT_ID: optionalString,
  SMTP_OAUTH_CLIENT_ID: optionalString,
  SMTP_OAUTH_CLIENT_SECRET: optionalString,
  /** Token endpoint; defaults to Microsoft's for SMTP_OAUTH_TENANT_ID. */
  SMTP_OAUTH_TOKEN_URL: optionalString.pipe(z.url().optional()),
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TYPE: z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).default("SingleTenant"),
  MICROSOFT_APP_TENANT_ID: optionalString,
  /** Where inbound Bot Framework tokens' signing keys are published (tests, sovereign clouds); public cloud when unset. */
  BOT_OPENID_METADATA_URL: optionalString.pipe(z.url().optional()),
  /** The issuer inbound Bot Framework tokens must carry (tests, sovereign clouds); public cloud when unset. */
  BOT_TOKEN_ISSUER: optionalString,
  /** Where the tab's Teams SSO tokens' signing keys are published; Azure AD's for MICROSOFT_APP_TENANT_ID when unset. */
  TAB_SSO_OPENID_METADATA_URL: optionalString.pipe(z.url().optional()),
  BPC40_ADMINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  SEED_ON_EMPTY: z.stringbool().default(true),
  BPC40_SECRET: optionalString.pipe(z.string().min(32).optional()),
  /** Budget line (imputation) written on every line of the Astre export. */
  ASTRE_IMPUTATION: z.string().trim().min(1).default("204-74-20422"),
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(20).default(1),
  JOB_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
  /** 0 turns the limit off (a relay without limits, benchmarks). */
  MAIL_RATE_MAX: z.coerce.number().int().min(0).default(30),
  MAIL_RATE_WINDOW_MS: z.coerce.number().int().min(100).default(60_000),
  MAIL_DAILY_MAX: z.coerce.number().int().min(1).default(10_000),
  MAIL_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  MAIL_BACKOFF_MS: z.coerce.number().int().min(10).default(30_000),
  OUTBOX_SWEEP_MS: z.coerce.number().int().min(200).default(60_000),
  SCAN_CRON: cronOutsideDstGap.default("0 7 * * *"),
  DIGEST_CRON: cronOutsideDstGap.default("0 8 * * 1-5"),
  REMIND_AGREEMENT_AFTER_DAYS: z.coerce.number().int().min(1).default(15),
  REMIND_AGREEMENT_EVERY_DAYS: z.coerce.number().int().min(1).default(15),
  REMIND_INVOICES_AFTER_DAYS: z.coerce.number().int().min(1).default(90),
  REMIND_REPORT_DAYS: z
    .string()
    .default("30,0,-15")
    .transform((value, ctx) => {
      const days = value.split(",").map((d) => Number(d.trim()));
      if (days.some((d) => !Number.isInteger(d))) {
        ctx.addIssue({ code: "custom", message: "liste d'entiers séparés par des virgules attendue (ex. 30,0,-15)" });
      }
      return days;
    }),
  /** Service addresses invited to inaugurations (issue 6). */
  EVENT_CABINET_EMAIL: z.email().default("cabinet@landes.example.org"),
  EVENT_COMMUNICATION_EMAIL: z.email().default("communication@landes.example.org"),
  EVENT_SECRETARIAT_EMAIL: z.email().default("secretariat-elus@landes.example.org"),
  EVENT_PRESS_EMAIL: z.email().default("presse@landes.example.org"),
  REMIND_EVENT_DAYS: z
    .string()
    .default("7,1")
    .transform((value, ctx) => {
      const days = value.split(",").map((d) => Number(d.trim()));
      if (days.some((d) => !Number.isInteger(d) || d < 0)) {
        ctx.addIssue({
          code: "custom",
          message: "liste d'entiers positifs séparés par des virgules attendue (ex. 7,1)",
        });
      }
      return days;
    }),
  REMIND_PAYMENT_AFTER_DAYS: z.coerce.number().int().min(1).default(30),
});

/** Every variable the configuration reads (`.env.example` must document each). */
export const configVariables: readonly string[] = Object.keys(ConfigShape.shape);

const ConfigSchema = ConfigShape.superRefine((env, ctx) => {
  if (env.NODE_ENV === "production" && !env.SMTP_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["SMTP_URL"],
      message: "obligatoire en production : le serveur SMTP qui envoie les e-mails aux porteurs",
    });
  }
  if (env.NODE_ENV === "production" && !env.BPC40_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["BPC40_SECRET"],
      message: "obligatoire en production (au moins 32 caractères) : il signe les liens des e-mails",
    });
  }
  const creds = [env.MICROSOFT_APP_ID, env.MICROSOFT_APP_PASSWORD];
  if (creds.some(Boolean) && !creds.every(Boolean)) {
    ctx.addIssue({
      code: "custom",
      path: ["MICROSOFT_APP_PASSWORD"],
      message: "MICROSOFT_APP_ID et MICROSOFT_APP_PASSWORD vont ensemble : renseignez les deux ou aucun (mode local)",
    });
  }
  if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TYPE === "SingleTenant" && !env.MICROSOFT_APP_TENANT_ID) {
    ctx.addIssue({
      code: "custom",
      path: ["MICROSOFT_APP_TENANT_ID"],
      message: "obligatoire pour un bot SingleTenant (identifiant du locataire Azure AD)",
    });
  }
});

/** The validated configuration; nothing else in the code reads `process.env`. */
export type Config = Omit<z.output<typeof ConfigSchema>, "BPC40_SECRET"> & {
  /** True when no Bot Framework credentials are set: activities are not authenticated. */
  localMode: boolean;
  /** Signs the links in e-mails (unsubscribe, RSVP). A fixed development value outside production. */
  BPC40_SECRET: string;
};

/** Used only outside production, so links signed by the bot and the worker agree on a dev machine. */
const DEVELOPMENT_SECRET = "bpc40-development-secret-not-for-production-use";

/** Thrown with every invalid variable listed, so an operator fixes them all at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Reads and validates the whole environment once, at start.
 * Error messages name each variable and what is expected, never its value (it may be a secret).
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".") || "(environnement)";
      return `${name} : ${describeIssue(issue)}`;
    });
    throw new ConfigError(problems);
  }
  return {
    ...parsed.data,
    localMode: !parsed.data.MICROSOFT_APP_ID,
    BPC40_SECRET: parsed.data.BPC40_SECRET ?? DEVELOPMENT_SECRET,
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_format":
      return issue.format === "url" ? "une URL valide est attendue" : `format attendu : ${issue.format}`;
    case "invalid_value":
      return `valeur attendue parmi : ${issue.values.join(", ")}`;
    case "invalid_type":
      return `type attendu : ${issue.expected}`;
    case "too_small":
    case "too_big":
      return `nombre hors limites (${issue.message})`;
    default:
      return issue.message;
  }
}

/** The configuration with secrets masked, for a start-up log line. */
export function describeConfig(config: Config): Record<string, unknown> {
  const mask = (value: string | undefined) => (value ? "***" : undefined);
  const maskUrl = (value: string | undefined) => {
    if (!value) return undefined;
    const url = new URL(value);
    if (url.password) url.password = "***";
    return url.toString();
  };
  return {
    ...config,
    DATABASE_URL: maskUrl(config.DATABASE_URL),
    REDIS_URL: maskUrl(config.REDIS_URL),
    SMTP_URL: maskUrl(config.SMTP_URL),
    MICROSOFT_APP_PASSWORD: mask(config.MICROSOFT_APP_PASSWORD),
    SMTP_OAUTH_CLIENT_SECRET: mask(config.SMTP_OAUTH_CLIENT_SECRET),
    BPC40_SECRET: mask(config.BPC40_SECRET),
  };
}
