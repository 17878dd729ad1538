import { formatDate, formatDateTime } from "../../domain/dates/format-date.ts";
import { parisDaysBetween } from "../../domain/dates/paris-time.ts";
import { formatEuros } from "../../domain/money/format-euros.ts";
import type { Deadline } from "../../domain/projects/project-detail-view.ts";

/** « Convention à faire signer au plus tard le mardi 3 juin 2025 », and so on. */
export function describeDeadline(deadline: Deadline): string {
  switch (deadline.kind) {
    case "agreementSignature":
      return `Convention à faire signer par le porteur au plus tard le ${formatDate(deadline.at)}`;
    case "payment": {
      const kind = deadline.paymentKind === "BALANCE" ? "Solde" : "Acompte";
      return `${kind} de ${formatEuros(deadline.amountCents ?? 0)} à verser le ${formatDate(deadline.at)}`;
    }
    case "inauguration":
      return `Inauguration le ${formatDateTime(deadline.at)}`;
    case "report":
      return `Bilan n+1 attendu le ${formatDate(deadline.at)}`;
  }
}

/** « aujourd'hui », « demain », « dans 7 jours », « en retard de 15 jours ». */
export function relativeDay(deadline: Deadline, now: Date): string {
  const days = parisDaysBetween(now, deadline.at);
  if (deadline.late) {
    const overdue = -days;
    if (overdue <= 0) return "en retard depuis aujourd'hui";
    return `en retard de ${overdue} jour${overdue > 1 ? "s" : ""}`;
  }
  if (days <= 0) return "aujourd'hui";
  if (days === 1) return "demain";
  return `dans ${days} jours`;
}

/** The open deadlines, the late ones first and in the attention colour. */
export function deadlineLines(deadlines: Deadline[], now: Date): Record<string, unknown>[] {
  if (deadlines.length === 0) {
    return [{ type: "TextBlock", text: "Aucune échéance en cours.", isSubtle: true, wrap: true, spacing: "Small" }];
  }
  const ordered = [...deadlines.filter((d) => d.late), ...deadlines.filter((d) => !d.late)];
  return ordered.map((deadline) => ({
    type: "TextBlock",
    text: `${deadline.late ? "⚠ " : ""}${describeDeadline(deadline)} (${relativeDay(deadline, now)})`,
    wrap: true,
    spacing: "Small",
    ...(deadline.late ? { color: "attention", weight: "Bolder" } : {}),
  }));
}
