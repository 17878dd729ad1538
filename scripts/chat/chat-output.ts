/** One thing to show the user, already rendered: the CLI only frames it. */
export interface ChatOutput {
  kind: "message" | "card" | "typing" | "notice" | "error" | "raw";
  lines: string[];
  /** A short French note on where it comes from: `mise à jour`, `réponse à l'action`… */
  label?: string;
}
