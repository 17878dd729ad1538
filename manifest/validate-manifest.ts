import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import AjvModule from "ajv-draft-04";
import formatsModule from "ajv-formats";

// CommonJS packages whose types declare `export default`: under NodeNext the class is `.default`.
const Ajv = AjvModule.default;
const addFormats = formatsModule.default;

/**
 * Where `@microsoft/app-manifest` ships Microsoft's official Teams manifest schema for a
 * version (v1.0 to v1.30): the package is installed, so validation needs no network.
 */
export function manifestSchemaPath(manifestVersion: string): string {
  const packageJson = createRequire(import.meta.url).resolve("@microsoft/app-manifest/package.json");
  return join(
    dirname(packageJson),
    "build",
    "json-schemas",
    "teams",
    `v${manifestVersion}`,
    "MicrosoftTeams.schema.json",
  );
}

/**
 * Checks a manifest against the official schema of its own `manifestVersion`, as Microsoft's
 * tooling does (draft-04, formats uri/email/regex, types not strict); returns the problems,
 * none when valid. Run before zipping so a broken template never reaches Teams' admin center.
 */
export async function validateManifest(manifest: { manifestVersion: string }): Promise<string[]> {
  const schema = JSON.parse(await readFile(manifestSchemaPath(manifest.manifestVersion), "utf8"));
  const ajv = new Ajv({ allErrors: true, strict: false, strictTypes: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? error.keyword}`);
}
