import { describe, expect, it } from "vitest";
import { askCardInputs } from "../../scripts/chat/ask-card-inputs.ts";
import { readCard } from "../../scripts/chat/read-card.ts";

const { inputs } = readCard({
  body: [
    { type: "Input.Text", id: "comment", label: "Commentaire", isRequired: true },
    {
      type: "Input.ChoiceSet",
      id: "outcome",
      label: "Résultat",
      value: "COMPLIANT",
      choices: [
        { title: "Conforme", value: "COMPLIANT" },
        { title: "Non conforme", value: "NON_COMPLIANT" },
      ],
    },
    { type: "Input.Date", id: "checkedOn", label: "Contrôlé le", value: "2026-11-28" },
  ],
});

/** Answers from a list, as piped lines would, and records what was asked and printed. */
function scripted(answers: string[], interactive = false) {
  const asked: Array<[string, string | undefined]> = [];
  const printed: string[] = [];
  return {
    asked,
    printed,
    io: {
      interactive,
      read: async (prompt: string, prefill?: string) => {
        asked.push([prompt, prefill]);
        return answers.shift() ?? null;
      },
      print: (lines: string[]) => printed.push(...lines),
    },
  };
}

describe("askCardInputs", () => {
  it("asks each input in turn, asks again after a refusal, keeps the proposed values on Enter", async () => {
    const { io, asked, printed } = scripted(["", "Pièces vérifiées", "2", ""]);
    expect(await askCardInputs(inputs, io)).toEqual({
      comment: "Pièces vérifiées",
      outcome: "NON_COMPLIANT",
      checkedOn: "2026-11-28",
    });
    expect(asked.map(([prompt]) => prompt)).toEqual([
      "  Commentaire * : ",
      "  Commentaire * : ",
      "  Résultat [Entrée : Conforme] : ",
      "  Contrôlé le [Entrée : 28/11/2026] : ",
    ]);
    expect(printed).toEqual(["  Ce champ est obligatoire.", "    1. Conforme", "    2. Non conforme"]);
  });

  it("pre-types the proposed value at a terminal", async () => {
    const { io, asked } = scripted(["ok", "Conforme", "28/11/2026"], true);
    await askCardInputs(inputs, io);
    expect(asked[2]).toEqual(["  Contrôlé le : ", "28/11/2026"]);
  });

  it("gives up at the end of the input", async () => {
    const { io } = scripted(["Pièces vérifiées"]);
    expect(await askCardInputs(inputs, io)).toBeNull();
  });
});
