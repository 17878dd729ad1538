import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;
/** What a function receives when it may run inside the caller's transaction. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface DbOptions {
  databaseUrl: string;
  /** PostgreSQL schema holding the tables (tests use one schema per file). */
  schema?: string;
  /** Pool size per process; PostgreSQL's default limit is 100 connections in all. */
  max?: number;
}

/**
 * Builds a Prisma client over the `pg` driver adapter. Built once in each entry point
 * (bot server, worker, scripts) and passed down; never imported as a singleton.
 */
export function createDb({ databaseUrl, schema = "public", max = 10 }: DbOptions): Db {
  const adapter = new PrismaPg(
    { connectionString: databaseUrl, max, options: `-c search_path="${schema}"` },
    { schema },
  );
  return new PrismaClient({ adapter });
}
