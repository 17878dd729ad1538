import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";
import { type ParsedSchema, parsePrismaSchema, type SchemaField } from "../support/parse-prisma-schema.ts";

const SCALARS = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Json", "Float", "Decimal"]);
const parsed: ParsedSchema = parsePrismaSchema(new URL("../../prisma/schema.prisma", import.meta.url).pathname);
let fresh: FreshSchema;

beforeAll(async () => {
  fresh = await freshSchema("matches");
});
afterAll(async () => {
  await fresh?.drop();
});

const isScalar = (field: SchemaField) => SCALARS.has(field.type) || parsed.enums.has(field.type);
const delegate = (model: string) =>
  (fresh.db as unknown as Record<string, { create: Function; findFirstOrThrow: Function }>)[
    model[0]!.toLowerCase() + model.slice(1)
  ]!;

/** Models in an order where every required relation's target comes first. */
function creationOrder(): string[] {
  const order: string[] = [];
  const visit = (name: string, path: string[] = []) => {
    if (order.includes(name) || path.includes(name)) return;
    for (const field of parsed.models.get(name)!.fields) {
      // Required relations only: an optional one may close a cycle (PollingPlace.acceptedEntry).
      if (field.relationFields.length && !field.optional && parsed.models.has(field.type)) {
        visit(field.type, [...path, name]);
      }
    }
    order.push(name);
  };
  for (const name of parsed.models.keys()) visit(name);
  return order;
}

/** A value of the field's type that differs from its default, so writing it is observable. */
function sampleValue(model: string, field: SchemaField, index: number): unknown {
  if (parsed.enums.has(field.type)) {
    const values = parsed.enums.get(field.type)!;
    return values[values.length - 1];
  }
  const value = (() => {
    switch (field.type) {
      case "String":
        return `${model}.${field.name}#${index}`;
      case "Int":
        return 4200 + index;
      case "BigInt":
        return BigInt(9_000_000_000 + index);
      case "Boolean":
        return !/@default\(true\)/.test(field.attributes);
      case "DateTime":
        return field.attributes.includes("@db.Date")
          ? new Date("2025-06-03T00:00:00.000Z")
          : new Date(Date.UTC(2025, 5, 3, 16, 0, index, 123));
      case "Json":
        return { field: field.name, values: [1, "é", null] };
      default:
        throw new Error(`type non prévu : ${field.type}`);
    }
  })();
  return field.list ? [value, value] : value;
}

describe("the migrated database matches schema.prisma", () => {
  it("has every column of every model with the schema's nullability, and no other", async () => {
    const client = new pg.Client({ connectionString: fresh.databaseUrl });
    await client.connect();
    try {
      for (const model of parsed.models.values()) {
        const { rows } = await client.query<{ column_name: string; is_nullable: string }>(
          "SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2",
          [fresh.schema, model.name],
        );
        const scalars = model.fields.filter(isScalar);
        expect(rows.map((r) => r.column_name).sort(), model.name).toEqual(scalars.map((f) => f.name).sort());
        for (const field of scalars.filter((f) => !f.list)) {
          const column = rows.find((r) => r.column_name === field.name)!;
          expect(column.is_nullable, `${model.name}.${field.name}`).toBe(field.optional ? "YES" : "NO");
        }
      }
      for (const [name, values] of parsed.enums) {
        const { rows } = await client.query<{ label: string }>(
          `SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
           JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typname = $1 AND n.nspname = $2 ORDER BY e.enumsortorder`,
          [name, fresh.schema],
        );
        expect(
          rows.map((r) => r.label),
          name,
        ).toEqual(values);
      }
    } finally {
      await client.end();
    }
  });

  it("writes and reads back every scalar field of every model through the generated client", async () => {
    const ids = new Map<string, unknown>();
    let index = 0;
    for (const name of creationOrder()) {
      const model = parsed.models.get(name)!;
      const data: Record<string, unknown> = {};
      const foreignKeys = new Map<string, string>();
      for (const field of model.fields) {
        for (const fk of field.relationFields) foreignKeys.set(fk, field.type);
      }
      for (const field of model.fields.filter(isScalar)) {
        if (field.attributes.includes("autoincrement()")) continue;
        // @ignore fields are not in the client: the database fills them (Project.searchWords, Project.titleWords).
        if (field.attributes.includes("@ignore")) continue;
        const target = foreignKeys.get(field.name);
        // An optional relation whose target comes later stays null.
        if (target && !ids.has(target)) continue;
        data[field.name] = target ? ids.get(target) : sampleValue(name, field, index++);
      }
      const created = await delegate(name).create({ data });
      // Most models have an `id`; a few are keyed by another field (Setting.key) or by their
      // relations (TallyLine: @@id([entryId, ideaId])), read back through those.
      const idField = model.fields.find((f) => /@id\b/.test(f.attributes))?.name;
      ids.set(name, idField ? created[idField] : name);
      const where = idField
        ? { [idField]: created[idField] }
        : Object.fromEntries([...foreignKeys.keys()].map((key) => [key, data[key]]));
      const read = await delegate(name).findFirstOrThrow({ where });
      for (const [key, value] of Object.entries(data)) {
        if (/@updatedAt/.test(model.fields.find((f) => f.name === key)!.attributes)) continue;
        expect(read[key], `${name}.${key}`).toEqual(value);
      }
    }
    expect(ids.size).toBe(parsed.models.size);
  });
});
