import { describe, expect, it } from "vitest";
import { type EligibilityInput, eligibilityWarnings } from "../../domain/ideas/eligibility-warnings.ts";
import { matchFieldOfAction } from "../../domain/ideas/fields-of-action.ts";
import { normalizeIdeaReference } from "../../domain/ideas/normalize-idea-reference.ts";

const DESCRIPTION =
  "Un espace ouvert à tous les habitants du quartier, entretenu avec l'école et l'association des parents.";
const base: EligibilityInput = {
  title: "Jardin partagé du bourg",
  description: DESCRIPTION,
  estimatedCents: 1_500_000,
  isYouth: false,
  fieldOfAction: "Environnement et cadre de vie",
};

describe("eligibilityWarnings", () => {
  it.each<[string, Partial<EligibilityInput>, string[]]>([
    ["a sound idea", {}, []],
    ["exactly 50 000 €", { estimatedCents: 5_000_000 }, []],
    ["50 000,01 €", { estimatedCents: 5_000_001 }, ["cost"]],
    ["a youth idea at 30 000 €", { isYouth: true, estimatedCents: 3_000_000 }, []],
    ["a youth idea at 35 000 €", { isYouth: true, estimatedCents: 3_500_000 }, ["cost"]],
    ["a field the Département does not fund", { fieldOfAction: "Défense nationale" }, ["field"]],
    ["no field given", { fieldOfAction: null }, []],
    ["« Sports et loisirs »", { fieldOfAction: "SPORTS ET LOISIRS" }, []],
    ["a salary", { description: `${DESCRIPTION} Il faut payer le salaire d'un animateur.` }, ["jobs"]],
    ["a job (emploi, accents)", { title: "Création d'un EMPLOI d'animatrice" }, ["jobs"]],
    ["a rémunération", { description: `${DESCRIPTION} Rémunération des intervenants.` }, ["jobs"]],
    ["a private garden", { description: `${DESCRIPTION} Clôturer mon jardin.` }, ["collective"]],
    ["a description too short", { description: "Un banc." }, ["collective"]],
    [
      "everything at once",
      {
        isYouth: true,
        estimatedCents: 4_000_000,
        fieldOfAction: "Armée",
        description: "Poste de gardien chez moi.",
      },
      ["cost", "field", "jobs", "collective"],
    ],
  ])("%s", (_label, change, kinds) => {
    const warnings = eligibilityWarnings({ ...base, ...change });
    expect(warnings.map((w) => w.kind)).toEqual(kinds);
    for (const warning of warnings) expect(warning.message).toMatch(/^[A-ZÉ]/u);
  });

  it("says the ceiling in French euros", () => {
    const [warning] = eligibilityWarnings({ ...base, isYouth: true, estimatedCents: 3_500_000 });
    expect(warning?.message).toBe(
      "Coût estimé 35\u202f000,00\u00a0€ : au-delà du plafond de 30\u202f000,00\u00a0€ pour un projet jeune.",
    );
  });

  it("recognises the fields of action", () => {
    expect(matchFieldOfAction("Solidarités, personnes âgées")).toBe("solidarités");
    expect(matchFieldOfAction("Sécurité routière")).toBe("sécurité routière");
    expect(matchFieldOfAction("Mobilités")).toBeNull();
  });

  it("normalises idea references", () => {
    expect(normalizeIdeaReference(" i2024-123 ")).toBe("I2024-0123");
    expect(normalizeIdeaReference("2024-7")).toBe("I2024-0007");
    expect(normalizeIdeaReference("I2024-5F3A9C21")).toBe("I2024-5F3A9C21");
    expect(normalizeIdeaReference("")).toBeNull();
  });
});
