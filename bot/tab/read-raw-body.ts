import type restify from "restify";
import { HttpRefusal } from "./http-refusal.ts";

/**
 * The request body as sent (`application/octet-stream`, which restify's body reader leaves
 * unread), refused past `limit` bytes: a spreadsheet needs more than the server's 256 Kio.
 */
export function readRawBody(req: restify.Request, limit: number): Promise<Buffer> {
  if (req.contentType() !== "application/octet-stream") {
    return Promise.reject(new HttpRefusal(415, "Le fichier doit être envoyé tel quel (application/octet-stream)."));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on("end", () =>
      size > limit
        ? reject(new HttpRefusal(413, `Fichier trop volumineux (${limit / 1024 / 1024} Mo au plus).`))
        : resolve(Buffer.concat(chunks)),
    );
    req.on("error", reject);
  });
}
