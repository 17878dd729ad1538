import dns from "node:dns";
import { isIP } from "node:net";

/**
 * Fails every DNS lookup except `localhost` and loopback addresses, and records the
 * others. Outside hosts (login.botframework.com, login.microsoftonline.com) are names,
 * so any attempt to reach one (or an outside IP given to `lookup`) shows up here.
 */
export function loopbackOnly(): { outsideHosts: string[]; restore(): void } {
  const outsideHosts: string[] = [];
  const original = dns.lookup;
  const guarded = (hostname: string, ...rest: unknown[]) => {
    if (hostname === "localhost" || isLoopbackIp(hostname))
      return (original as (...args: unknown[]) => unknown)(hostname, ...rest);
    outsideHosts.push(hostname);
    const callback = rest.at(-1) as (error: Error) => void;
    const error = Object.assign(new Error(`réseau extérieur interdit pendant ce test : ${hostname}`), {
      code: "ENOTFOUND",
    });
    process.nextTick(() => callback(error));
  };
  dns.lookup = guarded as unknown as typeof dns.lookup;
  return {
    outsideHosts,
    restore: () => {
      dns.lookup = original;
    },
  };
}

function isLoopbackIp(host: string): boolean {
  return (isIP(host) === 4 && host.startsWith("127.")) || host === "::1";
}
