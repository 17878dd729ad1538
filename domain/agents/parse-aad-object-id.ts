const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An Azure AD object id is a GUID; Teams sends it in lower case, so it is stored that way
 * and a pasted upper-case id still finds the agent. Null when the text is not a GUID.
 */
export function parseAadObjectId(text: string): string | null {
  const trimmed = text.trim();
  return GUID.test(trimmed) ? trimmed.toLowerCase() : null;
}
