/**
 * The `Action.Execute` verbs of our cards, shared by the cards that carry them and the
 * `adaptiveCard/action` handlers that answer them (bot/teams/card-actions.ts).
 */
export const CardVerbs = {
  openProject: "project.open",
  listPage: "projects.page",
  refreshProject: "project.refresh",
  invoiceForm: "invoice.form",
  invoiceSave: "invoice.save",
  eventForm: "event.form",
  eventSave: "event.save",
  eventRefresh: "event.refresh",
  eventHeld: "event.held",
  ideaOpen: "idea.open",
  ideasPage: "ideas.page",
  ideaDecide: "idea.decide",
  ideaNote: "idea.note",
  pollingPlaceOpen: "polling-place.open",
  tallyEnter: "tally.enter",
  voteCountRefresh: "vote-count.refresh",
  selectionPage: "selection.page",
  selectionPublish: "selection.publish",
} as const;

export type CardVerb = (typeof CardVerbs)[keyof typeof CardVerbs];
