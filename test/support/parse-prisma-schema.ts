import { readFileSync } from "node:fs";

export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attributes: string;
  /** Foreign-key field names when this field is a relation holding them. */
  relationFields: string[];
}

export interface SchemaModel {
  name: string;
  fields: SchemaField[];
}

export interface ParsedSchema {
  models: Map<string, SchemaModel>;
  enums: Map<string, string[]>;
}

/** A small reader of `schema.prisma` (models, fields, enums), enough for the schema tests. */
export function parsePrismaSchema(path: string): ParsedSchema {
  const source = readFileSync(path, "utf8");
  const models = new Map<string, SchemaModel>();
  const enums = new Map<string, string[]>();
  const block = /^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm;
  for (const [, kind, name, body] of source.matchAll(block)) {
    const lines = (body ?? "")
      .split("\n")
      .map((line) => line.replace(/\/\/.*$/, "").trim())
      .filter((line) => line && !line.startsWith("@@"));
    if (kind === "enum") {
      enums.set(name!, lines);
      continue;
    }
    const fields = lines.map((line) => {
      const [fieldName, rawType, ...rest] = line.split(/\s+/);
      const attributes = rest.join(" ");
      const relation = /@relation\([^)]*fields:\s*\[([^\]]*)\]/.exec(attributes);
      return {
        name: fieldName!,
        type: rawType!.replace(/[?[\]]/g, ""),
        optional: rawType!.endsWith("?"),
        list: rawType!.endsWith("[]"),
        attributes,
        relationFields: relation ? relation[1]!.split(",").map((f) => f.trim()) : [],
      };
    });
    models.set(name!, { name: name!, fields });
  }
  return { models, enums };
}
