import * as z from "zod";

const zodFrench = z.locales.fr().localeError;

/**
 * French messages for payload checks, passed per parse rather than set globally (other
 * modules keep zod's defaults). A missing field says so plainly instead of zod's
 * `chaîne de caractères attendu, undefined reçu`.
 */
export const frenchErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type" && issue.input === undefined) return "valeur obligatoire absente";
  return zodFrench(issue);
};
