import { readFileSync } from "node:fs";

export interface OsUser {
  uid: number;
  gid: number;
}

/** The ids of OS user `name` from /etc/passwd; undefined when there is no such user. */
export function lookupUser(name: string): OsUser | undefined {
  const passwd = readFileSync("/etc/passwd", "utf8");
  for (const line of passwd.split("\n")) {
    const [user, , uid, gid] = line.split(":");
    if (user === name && uid && gid) return { uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}
