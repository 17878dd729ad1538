import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../../bot/commands/command.ts";
import { allCommands, routeCommand } from "../../bot/commands/route-command.ts";
import {
  buildManifest,
  buildPackage,
  LOCAL_FAKE_APP_ID,
  PackageConfigError,
  type TeamsManifest,
} from "../../manifest/build-package.ts";
import { MAX_COMMANDS, toCommandLists } from "../../manifest/command-lists.ts";
import { ICONS_DIR, makeColorIcon, makeOutlineIcon } from "../../manifest/icons/make-icons.ts";
import { manifestSchemaPath, validateManifest } from "../../manifest/validate-manifest.ts";
import { readPng } from "../support/read-png.ts";

const APP_ID = "2f6e4b1c-5a7d-4c3e-9b21-8d0f6a4e7c15";
const CONFIG = { MICROSOFT_APP_ID: APP_ID, PUBLIC_BASE_URL: "https://bpc40.landes.example.org/", PORT: 3978 };

let manifest: TeamsManifest;
let workDir: string;

beforeAll(async () => {
  manifest = buildManifest(CONFIG, allCommands, { version: "1.4.0" });
  workDir = await mkdtemp(join(tmpdir(), "bpc40-package-"));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("the manifest", () => {
  it("validates against the official JSON schema of its version shipped in @microsoft/app-manifest", async () => {
    const schema = JSON.parse(await readFile(manifestSchemaPath(manifest.manifestVersion), "utf8"));
    expect(schema.$schema).toBe("http://json-schema.org/draft-04/schema#"); // the dialect validateManifest uses
    expect(schema.properties.manifestVersion.const).toBe(manifest.manifestVersion);
    expect(Number(manifest.manifestVersion.split(".")[1])).toBeGreaterThanOrEqual(17);
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it("is rejected by the same validation when it breaks the schema", async () => {
    const broken = structuredClone(manifest) as unknown as Record<string, unknown>;
    broken.name = { short: "Un nom bien trop long pour une application Teams" };
    delete broken.developer;
    const problems = await validateManifest(broken as { manifestVersion: string });
    expect(problems.join("\n")).toMatch(/\/name\/short must NOT have more than 30 characters/);
    expect(problems.join("\n")).toMatch(/must have required property 'developer'/);
  });

  it("fills ids and URLs from MICROSOFT_APP_ID and PUBLIC_BASE_URL", () => {
    const base = "https://bpc40.landes.example.org";
    expect(manifest).toMatchObject({
      id: APP_ID,
      version: "1.4.0",
      name: { short: "BPC40", full: "Budget participatif citoyen des Landes" },
      localizationInfo: { defaultLanguageTag: "fr-FR" },
      developer: {
        name: "Département des Landes",
        websiteUrl: "https://www.landes.fr",
        privacyUrl: `${base}/confidentialite`,
        termsOfUseUrl: `${base}/conditions`,
      },
      icons: { color: "color.png", outline: "outline.png" },
      validDomains: ["bpc40.landes.example.org"],
      webApplicationInfo: { id: APP_ID, resource: `api://bpc40.landes.example.org/${APP_ID}` },
      staticTabs: [{ entityId: "dashboard", name: "Tableau de bord", contentUrl: `${base}/tab`, scopes: ["personal"] }],
    });
    expect(manifest.accentColor).toMatch(/^#[0-9A-F]{6}$/i);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(JSON.stringify(manifest)).not.toMatch(/\$\{\{/);
  });

  it("declares the bot in the three scopes and the project search message extension", () => {
    const [bot] = manifest.bots ?? [];
    expect(bot).toMatchObject({ botId: APP_ID, scopes: ["personal", "team", "groupChat"] });
    const [extension] = manifest.composeExtensions ?? [];
    expect(extension?.botId).toBe(APP_ID);
    const [search] = extension?.commands ?? [];
    expect(search).toMatchObject({ id: "rechercherProjet", type: "query", title: "Rechercher un projet" });
    expect(search?.description).toMatch(/projet/);
    expect(search?.parameters?.map((p) => p.name)).toEqual(["texte"]);
  });
});

describe("the command menu", () => {
  it("lists the bot's real commands, aide first, in a list for each scope", () => {
    const lists = manifest.bots?.[0]?.commandLists ?? [];
    expect(lists.map((list) => list.scopes)).toEqual([["personal"], ["team"], ["groupChat"]]);
    const names = allCommands.map((command) => command.name);
    for (const list of lists) {
      const titles = list.commands.map((command) => command.title);
      expect(titles[0]).toBe("aide");
      expect(new Set(titles).size).toBe(titles.length);
      expect(titles.length).toBe(Math.min(MAX_COMMANDS, names.length));
      expect(names).toEqual(expect.arrayContaining(titles));
      if (names.length <= MAX_COMMANDS) expect([...titles].sort()).toEqual([...names].sort());
    }
  });

  it("offers titles that, typed as they are, run that very command", () => {
    for (const { title } of manifest.bots?.[0]?.commandLists?.[0]?.commands ?? []) {
      const route = routeCommand(title);
      expect({ title, routed: route.command.name, matched: route.matched }).toEqual({
        title,
        routed: title,
        matched: true,
      });
    }
  });

  it("describes each command in French plain text within Teams' limits", () => {
    for (const command of manifest.bots?.[0]?.commandLists?.[0]?.commands ?? []) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description?.length ?? 0).toBeGreaterThan(0);
      expect(command.description?.length).toBeLessThanOrEqual(128);
      expect(command.description).not.toMatch(/[*`_]/);
    }
    const aide = manifest.bots?.[0]?.commandLists?.[0]?.commands[0];
    expect(aide?.description).toBe("La liste des commandes");
  });

  it("keeps aide and the commands every agent may run when there are more than ten", () => {
    const make = (name: string, help: string, requires?: Command["requires"]): Command => ({
      name,
      triggers: [name],
      help,
      ...(requires ? { requires } : {}),
      handle: async () => ({ text: "" }),
    });
    const commands = [
      make("admin", "**admin** : réservé", "ADMIN"),
      ...Array.from({ length: 10 }, (_, i) => make(`c${i}`, `**c${i}** : ${"très longue description ".repeat(8)}`)),
      make("aide", "**aide** : la liste des commandes"),
    ];
    const [list] = toCommandLists(commands);
    const titles = list?.commands.map((command) => command.title);
    expect(titles).toEqual(["aide", "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"]);
    const long = list?.commands[1]?.description ?? "";
    expect(long.length).toBeLessThanOrEqual(128);
    expect(long).toMatch(/^Très longue description .*…$/);
    const words = long.slice(0, -1).split(" ");
    expect(words.every((word) => ["Très", "très", "longue", "description"].includes(word))).toBe(true); // cut between words
  });
});

describe("the icons", () => {
  it("has a 192 × 192 colour icon", async () => {
    const png = readPng(await readFile(join(ICONS_DIR, "color.png")));
    expect({ width: png.width, height: png.height }).toEqual({ width: 192, height: 192 });
  });

  it("has a 32 × 32 outline icon: white glyph on a transparent background", async () => {
    const png = readPng(await readFile(join(ICONS_DIR, "outline.png")));
    expect({ width: png.width, height: png.height, colorType: png.colorType }).toEqual({
      width: 32,
      height: 32,
      colorType: 6, // RGBA: it has an alpha channel
    });
    const pixels = png.rgba ?? new Uint8Array();
    let transparent = 0;
    let opaque = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) transparent++;
      else {
        opaque++;
        expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      }
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(pixels[3]).toBe(0); // the corners are background
    expect(opaque).toBeGreaterThan(32 * 32 * 0.2);
  });

  it("commits the icons make-icons.ts draws (no drift between code and files)", async () => {
    expect(readPng(await readFile(join(ICONS_DIR, "color.png"))).rgba).toEqual(readPng(makeColorIcon()).rgba);
    expect(readPng(await readFile(join(ICONS_DIR, "outline.png"))).rgba).toEqual(readPng(makeOutlineIcon()).rgba);
  });
});

describe("the app package", () => {
  it("zips exactly manifest.json, color.png and outline.png at the root, and parses back", async () => {
    const file = await buildPackage(manifest, { outFile: join(workDir, "build", "bpc40-teams.zip") });
    const entries = unzipSync(await readFile(file));
    expect(Object.keys(entries).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(JSON.parse(strFromU8(entries["manifest.json"]!))).toEqual(manifest);
    expect(Buffer.from(entries["color.png"]!)).toEqual(await readFile(join(ICONS_DIR, "color.png")));
    expect(Buffer.from(entries["outline.png"]!)).toEqual(await readFile(join(ICONS_DIR, "outline.png")));
  });
});

describe("configuration", () => {
  it("refuses, in French, listing every missing variable", () => {
    const build = () => buildManifest({ MICROSOFT_APP_ID: undefined, PUBLIC_BASE_URL: undefined, PORT: 3978 }, []);
    expect(build).toThrow(PackageConfigError);
    expect(build).toThrow(/Impossible de construire le paquet Teams/);
    expect(build).toThrow(/MICROSOFT_APP_ID : l'identifiant \(GUID\)[\s\S]*PUBLIC_BASE_URL : l'adresse publique https/);
  });

  it("refuses an app id that is not a GUID and a base URL Teams would not load", () => {
    expect(() => buildManifest({ ...CONFIG, MICROSOFT_APP_ID: "bpc40", PUBLIC_BASE_URL: "http://x.fr" }, [])).toThrow(
      /un GUID est attendu[\s\S]*Teams n'accepte que des adresses https/,
    );
  });

  it("with --local, builds a package to read, with an obviously fake app id", async () => {
    const local = buildManifest({ MICROSOFT_APP_ID: undefined, PUBLIC_BASE_URL: undefined, PORT: 3978 }, allCommands, {
      local: true,
    });
    expect(local.id).toBe(LOCAL_FAKE_APP_ID);
    expect(local.staticTabs?.[0]?.contentUrl).toBe("http://localhost:3978/tab");
    expect(await validateManifest(local)).toEqual([]);
  });

  it("npm run package without configuration exits 1 with the French message", async () => {
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/package.ts"], {
      env: { PATH: process.env.PATH, NODE_ENV: "test", LOG_LEVEL: "silent" },
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Impossible de construire le paquet Teams[\s\S]*MICROSOFT_APP_ID/),
    });
  });
});
