/**
 * The `Action.Execute` verbs of our cards, shared by the cards that carry them and the
 * `adaptiveCard/action` handlers that answer them (bot/teams/card-actions.ts).
 */
export const CardVerbs = {
  openProject: "project.open",
  listPage: "projects.page",
  refreshProject: "project.refresh",
  invoiceForm: "invoice.form",
  eventForm: "event.form",
} as const;

export type CardVerb = (typeof CardVerbs)[keyof typeof CardVerbs];
