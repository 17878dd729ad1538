import * as z from "zod";
import { payloadFields } from "./payload-fields.ts";

/** What the sender knows about this sending, beside the template's payload. */
export const EmailContextSchema = z.object({
  /** The recipient's personal unsubscribe link; required by non-essential e-mails. */
  unsubscribeUrl: payloadFields.url().optional(),
  /** Shown in the header and the footer. */
  departmentName: payloadFields.line(80).default("Département des Landes"),
});

/** Accepted by `renderEmail`: both fields optional. */
export type EmailContext = z.input<typeof EmailContextSchema>;
