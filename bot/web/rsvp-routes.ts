import type restify from "restify";
import type { Config } from "../../domain/config/load-config.ts";
import { type RsvpView, readRsvpLink, recordRsvp } from "../../domain/events/record-rsvp.ts";
import type { Db } from "../../prisma/create-db.ts";
import { escapeHtml } from "../../templates/email/escape-html.ts";
import { formatEventPeriod } from "../../templates/email/format-event-period.ts";
import { htmlPage } from "./html-page.ts";

const refusals = {
  malformed: "Ce lien de réponse est incomplet. Copiez-le en entier depuis l'e-mail d'invitation.",
  forged: "Ce lien de réponse n'est pas valide.",
  expired: "Ce lien de réponse a expiré : l'événement est terminé.",
  unknown: "Cette invitation n'existe plus.",
} as const;

const verbs = { ACCEPTED: "Je participerai", DECLINED: "Je ne pourrai pas venir" } as const;

function describe(view: RsvpView): string {
  return `<p>«&nbsp;${escapeHtml(view.eventTitle)}&nbsp;», ${escapeHtml(formatEventPeriod(view.startsAt, view.endsAt))}.</p>`;
}

/**
 * `GET /rsvp?token=…` shows the answer to confirm (link scanners must not answer for
 * anyone); `POST /rsvp?token=…` records it. A second answer replaces the first; a
 * forged or expired link gets a French page and changes nothing.
 */
export function registerRsvpRoutes(server: restify.Server, deps: { db: Db; config: Config; now: () => Date }) {
  const send = (res: restify.Response, status: number, title: string, body: string) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.sendRaw(status, htmlPage(title, body));
  };
  const tokenOf = (req: restify.Request) => new URL(req.url ?? "/", "http://localhost").searchParams.get("token") ?? "";
  const cancelled = (res: restify.Response, view: RsvpView) =>
    send(
      res,
      410,
      "Événement annulé",
      `${describe(view)}<p>Cet événement a été annulé : aucune réponse n'est attendue.</p>`,
    );

  server.get("/rsvp", async (req, res) => {
    const token = tokenOf(req);
    const read = await readRsvpLink(deps.db, deps.config.BPC40_SECRET, token, deps.now());
    if (!read.ok) return send(res, 400, "Réponse impossible", `<p>${refusals[read.reason]}</p>`);
    if (read.view.cancelled) return cancelled(res, read.view);
    send(
      res,
      200,
      "Votre réponse à l'invitation",
      `${describe(read.view)}
<form method="post" action="/rsvp?token=${escapeHtml(encodeURIComponent(token))}"><button type="submit">Confirmer : ${verbs[read.view.answer]}</button></form>`,
    );
  });

  server.post("/rsvp", async (req, res) => {
    const result = await recordRsvp(deps.db, deps.config.BPC40_SECRET, tokenOf(req), deps.now());
    if (!result.ok) return send(res, 400, "Réponse impossible", `<p>${refusals[result.reason]}</p>`);
    if (result.view.cancelled) return cancelled(res, result.view);
    const thanks =
      result.view.answer === "ACCEPTED"
        ? "C'est noté : vous participerez. Merci, à bientôt&nbsp;!"
        : "C'est noté : vous ne pourrez pas venir. Merci de nous avoir prévenus.";
    send(
      res,
      200,
      "Réponse enregistrée",
      `${describe(result.view)}<p>${thanks}</p><p>Vous pouvez changer d'avis avec l'autre lien de l'e-mail.</p>`,
    );
  });
}
