import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

let schema: FreshSchema;

beforeAll(async () => {
  schema = await freshSchema("search_indexes");
});

afterAll(async () => {
  await schema?.drop();
});

describe("search indexes", () => {
  it("write new entries in place, so no search scans a pending list", async () => {
    const rows = await schema.db.$queryRaw<{ name: string; options: string[] | null }[]>`
      SELECT c."relname" AS name, c."reloptions" AS options
      FROM pg_class c JOIN pg_namespace n ON n."oid" = c."relnamespace"
      WHERE n."nspname" = ${schema.schema} AND c."relname" IN ('Project_searchWords_idx', 'SearchWord_word_idx')
      ORDER BY c."relname"`;
    expect(rows).toEqual([
      { name: "Project_searchWords_idx", options: ["fastupdate=off"] },
      { name: "SearchWord_word_idx", options: ["fastupdate=off"] },
    ]);
  });
});
