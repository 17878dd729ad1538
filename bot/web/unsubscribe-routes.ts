import type restify from "restify";
import type { Config } from "../../domain/config/load-config.ts";
import { unsubscribe } from "../../domain/notifications/unsubscribe.ts";
import type { Db } from "../../prisma/create-db.ts";
import { escapeHtml } from "../../templates/email/escape-html.ts";
import { htmlPage } from "./html-page.ts";

const refusals = {
  malformed: "Ce lien de désinscription est incomplet. Copiez-le en entier depuis l'e-mail reçu.",
  forged: "Ce lien de désinscription n'est pas valide.",
  expired: "Ce lien de désinscription a expiré.",
} as const;

/**
 * `GET /unsubscribe?token=…` shows a confirmation button (link scanners must not
 * unsubscribe anyone); `POST /unsubscribe?token=…` unsubscribes: it is both the
 * button's target and the RFC 8058 one-click endpoint mail clients call.
 */
export function registerUnsubscribeRoutes(server: restify.Server, deps: { db: Db; config: Config; now: () => Date }) {
  const send = (res: restify.Response, status: number, title: string, body: string) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.sendRaw(status, htmlPage(title, body));
  };
  const tokenOf = (req: restify.Request) => new URL(req.url ?? "/", "http://localhost").searchParams.get("token") ?? "";

  server.get("/unsubscribe", async (req, res) => {
    const token = tokenOf(req);
    if (!token) return send(res, 400, "Lien incomplet", `<p>${refusals.malformed}</p>`);
    send(
      res,
      200,
      "Se désinscrire",
      `<p>Vous ne recevrez plus les e-mails non essentiels du Budget participatif citoyen des Landes (invitations, rappels d'événements).</p>
<p>Les courriers administratifs liés à votre projet (convention, versements, bilan) continueront de vous être envoyés.</p>
<form method="post" action="/unsubscribe?token=${escapeHtml(encodeURIComponent(token))}"><button type="submit">Confirmer la désinscription</button></form>`,
    );
  });

  server.post("/unsubscribe", async (req, res) => {
    const result = await unsubscribe(deps.db, deps.config.BPC40_SECRET, tokenOf(req), deps.now());
    if (!result.ok) return send(res, 400, "Désinscription impossible", `<p>${refusals[result.reason]}</p>`);
    send(
      res,
      200,
      "Désinscription enregistrée",
      "<p>C'est noté : vous ne recevrez plus d'e-mails non essentiels. Les courriers administratifs liés à votre projet continueront.</p>",
    );
  });
}
