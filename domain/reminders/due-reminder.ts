import type { TemplateName } from "../../templates/email/render-email.ts";

export type ReminderKind = "agreement" | "report" | "justifications" | "event";

/** A situation that calls for an e-mail today; its key makes recording it twice harmless. */
export interface DueReminder {
  kind: ReminderKind;
  /** Situation + subject + period, e.g. `agreement-reminder:CONV-2022-017:2`. */
  idempotencyKey: string;
  template: TemplateName;
  recipientEmail: string;
  recipientName: string | null;
  payload: Record<string, unknown>;
  projectId: number | null;
  /** One French line for the agents' lists. */
  label: string;
}

/** Paris days since the first threshold, cut in periods: 1 for the first period, 2 for the next... */
export function periodNumber(daysSince: number, afterDays: number, everyDays: number): number | null {
  if (daysSince < afterDays) return null;
  return 1 + Math.floor((daysSince - afterDays) / everyDays);
}
