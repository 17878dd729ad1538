/** `[::1]` (as `URL.hostname` spells it) → `::1`. */
function bareHost(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
}

/**
 * True for this machine's own addresses (127.x.x.x, `localhost`, `::1`): only there may a
 * missing service be started by the project; a remote one is someone else's to run.
 */
export function isLoopback(hostname: string): boolean {
  const host = bareHost(hostname);
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The address a locally started server listens on. `localhost` gets 127.0.0.1: Node 20
 * tries both address families when connecting, and IPv6 may be disabled in containers.
 */
export function listenAddress(hostname: string): string {
  const host = bareHost(hostname);
  return host === "localhost" ? "127.0.0.1" : host;
}
