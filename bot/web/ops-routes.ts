import type { Redis } from "ioredis";
import type restify from "restify";
import type { Config } from "../../domain/config/load-config.ts";
import { readQueueHealth } from "../../jobs/queue-health.ts";
import { htmlPage } from "./html-page.ts";

const stateLabels = {
  waiting: "en attente",
  active: "en cours",
  delayed: "différées",
  failed: "en échec",
  completed: "terminées",
} as const;

/** `GET /ops/queues`: the job queues at a glance for an operator (counts only, no personal data). */
export function registerOpsRoutes(server: restify.Server, deps: { redis: Redis; config: Config }): void {
  server.get("/ops/queues", async (_req, res) => {
    const health = await readQueueHealth(deps.redis, deps.config);
    const header = Object.values(stateLabels)
      .map((label) => `<th scope="col">${label}</th>`)
      .join("");
    const rows = Object.entries(health.queues)
      .map(
        ([name, counts]) =>
          `<tr><th scope="row">${name}</th>${(Object.keys(stateLabels) as Array<keyof typeof stateLabels>)
            .map((state) => `<td>${counts[state].toLocaleString("fr-FR")}</td>`)
            .join("")}</tr>`,
      )
      .join("");
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.sendRaw(
      200,
      htmlPage(
        "Files de tâches",
        `<p>${health.workers} worker(s) actif(s).</p>
<table><caption>Tâches par file et par état</caption><thead><tr><th scope="col">file</th>${header}</tr></thead><tbody>${rows}</tbody></table>
<p>Les e-mails en échec se voient et se renvoient depuis Teams : commande <strong>e-mails</strong>.</p>`,
      ),
    );
  });
}
