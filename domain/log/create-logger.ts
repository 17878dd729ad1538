import { type Logger, pino } from "pino";

export type { Logger };

/**
 * The process logger. Each turn or job takes a child with its ids.
 * Secrets and personal data are redacted by path, in case a caller logs a whole object.
 */
export function createLogger(options: { level: string; name: string }): Logger {
  return pino({
    name: options.name,
    level: options.level,
    redact: {
      paths: [
        "*.password",
        "*.MICROSOFT_APP_PASSWORD",
        "*.SMTP_OAUTH_CLIENT_SECRET",
        "*.authorization",
        "*.email",
        "*.phone",
        "req.headers.authorization",
      ],
      censor: "***",
    },
  });
}
