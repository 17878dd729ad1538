import * as z from "zod";

/**
 * What the e-mail processor needs to write an event's iCalendar part, stored in the
 * notification's payload (`payload.ics`): the invite then reflects exactly the state
 * of the event when that notice was recorded (its SEQUENCE, times and place).
 */
export const EventIcsBlockSchema = z.object({
  uid: z.string().min(1),
  sequence: z.number().int().min(0),
  method: z.enum(["REQUEST", "CANCEL"]),
  organizer: z.object({ name: z.string(), email: z.email() }),
  attendee: z.object({ name: z.string().optional(), email: z.email() }),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  /** When the change was recorded: the DTSTAMP (the renderer stays pure). */
  stamp: z.iso.datetime(),
  summary: z.string(),
  location: z.string(),
  description: z.string(),
});

export type EventIcsBlock = z.infer<typeof EventIcsBlockSchema>;
