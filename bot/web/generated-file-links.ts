import type { Config } from "../../domain/config/load-config.ts";
import { type FileTokenPayload, signFileToken } from "../../domain/links/file-token.ts";
import { publicBaseUrl } from "./report-links.ts";

/** How long an agent's link from Teams works. */
export const AGENT_LINK_HOURS = 24;
/** How long the porteur's link in the « convention à signer » e-mail works: time to read, sign and ask. */
export const HOLDER_LINK_HOURS = 24 * 60;

type Request = FileTokenPayload extends infer P ? (P extends { exp: number } ? Omit<P, "exp"> : never) : never;

/** A signed, expiring `/files/<token>` link to a convention document or an Astre export. */
export function generatedFileLink(config: Config, request: Request, now: Date, hours = AGENT_LINK_HOURS): string {
  return `${publicBaseUrl(config)}/files/${signFileToken(config.BPC40_SECRET, request, now, hours)}`;
}
