import type { Config } from "../config/load-config.ts";

/** The thresholds of the reminder scans: configuration, never literals in the code. */
export interface ReminderSettings {
  /** First convention reminder this many days after it was sent unsigned… */
  agreementAfterDays: number;
  /** …then again every this many days. */
  agreementEveryDays: number;
  /** Invoices are asked for this many days after the advance, then monthly. */
  invoicesAfterDays: number;
  /** Bilan n+1 reminders, in days before its due date (0 = on the day, negative = after). */
  reportDays: number[];
  /** Event reminders to invitees, in days before the event. */
  eventDays: number[];
  /** A planned payment this many days past its date is shown to agents as pending. */
  paymentAfterDays: number;
}

export function reminderSettings(config: Config): ReminderSettings {
  return {
    agreementAfterDays: config.REMIND_AGREEMENT_AFTER_DAYS,
    agreementEveryDays: config.REMIND_AGREEMENT_EVERY_DAYS,
    invoicesAfterDays: config.REMIND_INVOICES_AFTER_DAYS,
    reportDays: [...config.REMIND_REPORT_DAYS].sort((a, b) => b - a),
    eventDays: [...config.REMIND_EVENT_DAYS].sort((a, b) => b - a),
    paymentAfterDays: config.REMIND_PAYMENT_AFTER_DAYS,
  };
}
