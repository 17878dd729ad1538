import { DomainError } from "../errors/domain-error.ts";

const MANDATE = /^M(\d{4})-(\d{6})$/;

/**
 * An Astre mandate number as agents copy it (`M2026-004512`, case and spaces
 * forgiven), upper-cased; throws `MANDATE_INVALID` otherwise, so a typo never reaches
 * the porteur's e-mail or the export Finance reconciles.
 */
export function parseMandate(text: string): string {
  const value = text.trim().toUpperCase().replace(/\s+/g, "");
  if (!MANDATE.test(value)) throw new DomainError("MANDATE_INVALID", { value: text.trim().slice(0, 30) });
  return value;
}
