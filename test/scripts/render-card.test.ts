import { describe, expect, it } from "vitest";
import { inputsSentBy, planCardAction } from "../../scripts/chat/plan-card-action.ts";
import { readCard } from "../../scripts/chat/read-card.ts";
import { readInputAnswer } from "../../scripts/chat/read-input-answer.ts";
import { renderCard } from "../../scripts/chat/render-card.ts";
import { renderMarkdown } from "../../scripts/chat/render-markdown.ts";
import { ansiStyle, plainStyle, stripAnsi } from "../../scripts/chat/text-style.ts";

/** An invoice-check card as the bot could send it: facts, columns, inputs, actions, one element we do not render. */
const card = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [
    { type: "TextBlock", text: "Skatepark de Grenade-sur-l'Adour", size: "Large", weight: "Bolder", wrap: true },
    { type: "TextBlock", text: "2022-017 · Édition 2022 · Sport et santé", isSubtle: true },
    {
      type: "ColumnSet",
      columns: [
        { type: "Column", width: "auto", items: [{ type: "TextBlock", text: "✓", color: "Good" }] },
        {
          type: "Column",
          width: "stretch",
          items: [{ type: "TextBlock", text: "**Convention** · signée le {{DATE(2024-01-30T09:00:00Z, SHORT)}}" }],
        },
      ],
    },
    {
      type: "FactSet",
      separator: true,
      facts: [
        { title: "Montant attribué", value: "30 000,00 €" },
        { title: "Versé", value: "15 000,00 €" },
      ],
    },
    { type: "Image", url: "https://bpc40.example.org/photos/2022-017.jpg", altText: "Photo du skatepark" },
    { type: "TextBlock", text: "Facture F-2024-118 à contrôler", color: "Attention" },
    {
      type: "Input.Text",
      id: "comment",
      label: "Commentaire",
      placeholder: "Ce que vous avez vérifié",
      isRequired: true,
    },
    {
      type: "Input.ChoiceSet",
      id: "outcome",
      label: "Résultat",
      value: "COMPLIANT",
      choices: [
        { title: "Conforme", value: "COMPLIANT" },
        { title: "Non conforme", value: "NON_COMPLIANT" },
        { title: "À compléter", value: "INCOMPLETE" },
      ],
    },
    { type: "Input.Date", id: "checkedOn", label: "Contrôlé le", value: "2026-11-28" },
    { type: "Input.Toggle", id: "notify", title: "Prévenir le porteur", value: "true" },
    { type: "Media", sources: [{ mimeType: "video/mp4", url: "https://bpc40.example.org/inauguration.mp4" }] },
    {
      type: "ActionSet",
      actions: [{ type: "Action.OpenUrl", title: "Ouvrir la fiche", url: "https://bpc40.example.org/tab/2022-017" }],
    },
  ],
  actions: [
    {
      type: "Action.Execute",
      title: "Enregistrer le contrôle",
      verb: "invoiceCheck.save",
      data: { invoiceId: 118 },
      style: "positive",
    },
    { type: "Action.Submit", title: "Annuler", associatedInputs: "none", data: { action: "cancel" } },
  ],
};

describe("renderCard", () => {
  it("renders every element of a realistic card as plain lines, actions numbered", () => {
    expect(renderCard(card, plainStyle)).toEqual([
      "Skatepark de Grenade-sur-l'Adour",
      "2022-017 · Édition 2022 · Sport et santé",
      "✓   Convention · signée le mar. 30 janv. 2024",
      "────────────────────────",
      "Montant attribué : 30 000,00 €",
      "Versé            : 15 000,00 €",
      "[image : Photo du skatepark]",
      "⚠ Facture F-2024-118 à contrôler",
      "✎ Commentaire * [comment] : ____ (Ce que vous avez vérifié)",
      "✎ Résultat [outcome] : (•) Conforme  ( ) Non conforme  ( ) À compléter",
      "✎ Contrôlé le [checkedOn] : « 28/11/2026 »",
      "✎ Prévenir le porteur [notify] : [x] oui",
      "[élément non pris en charge : Media]",
      "[1] Ouvrir la fiche → https://bpc40.example.org/tab/2022-017",
      "[2] Enregistrer le contrôle",
      "[3] Annuler",
    ]);
  });

  it("shows weight, size and colour as ANSI emphasis for a terminal", () => {
    const lines = renderCard(card, ansiStyle);
    expect(lines[0]).toBe("\x1b[1mSkatepark de Grenade-sur-l'Adour\x1b[22m");
    expect(lines[2]).toContain("\x1b[1mConvention\x1b[22m");
    expect(lines[7]).toBe("\x1b[31mFacture F-2024-118 à contrôler\x1b[39m");
    // Alignment counts visible characters only.
    expect(stripAnsi(lines[5] ?? "")).toBe("Versé            : 15 000,00 €");
  });

  it("stacks columns that would not fit side by side", () => {
    const wide = "x".repeat(70);
    const lines = renderCard(
      {
        body: [
          {
            type: "ColumnSet",
            columns: [
              { type: "Column", items: [{ type: "TextBlock", text: wide }] },
              { type: "Column", items: [{ type: "TextBlock", text: "fin" }] },
            ],
          },
        ],
      },
      plainStyle,
    );
    expect(lines).toEqual([wide, "fin"]);
  });
});

describe("card actions", () => {
  const { actions, inputs } = readCard(card);

  it("numbers actions in document order, ActionSets first, as rendered", () => {
    expect(actions.map((a) => `${a.number} ${a.type} ${a.title}`)).toEqual([
      "1 Action.OpenUrl Ouvrir la fiche",
      "2 Action.Execute Enregistrer le contrôle",
      "3 Action.Submit Annuler",
    ]);
    expect(inputs.map((i) => [i.id, i.defaultValue])).toEqual([
      ["comment", ""],
      ["outcome", "COMPLIANT"],
      ["checkedOn", "2026-11-28"],
      ["notify", "true"],
    ]);
  });

  it("turns Action.Execute into an adaptiveCard/action invoke with data merged with the inputs", () => {
    const execute = actions[1]!;
    const values = { comment: "Devis conforme", outcome: "COMPLIANT", checkedOn: "2026-11-28", notify: "true" };
    expect(inputsSentBy(execute, inputs)).toHaveLength(4);
    expect(planCardAction(execute, values)).toEqual({
      kind: "invoke",
      name: "adaptiveCard/action",
      value: {
        action: { type: "Action.Execute", verb: "invoiceCheck.save", data: { invoiceId: 118, ...values } },
        trigger: "manual",
      },
    });
  });

  it("turns Action.Submit into a message with a value and no text; associatedInputs none sends no input", () => {
    const submit = actions[2]!;
    expect(inputsSentBy(submit, inputs)).toEqual([]);
    expect(planCardAction(submit, {})).toEqual({ kind: "message", value: { action: "cancel" } });
    expect(planCardAction(submit, {}, { inDialog: true })).toEqual({
      kind: "invoke",
      name: "task/submit",
      value: { data: { action: "cancel" }, context: { theme: "default" } },
    });
  });

  it("gives the URL of Action.OpenUrl", () => {
    expect(planCardAction(actions[0]!, {})).toEqual({
      kind: "open-url",
      url: "https://bpc40.example.org/tab/2022-017",
    });
  });

  it("reads typed answers as Teams would submit them", () => {
    const [comment, outcome, checkedOn, notify] = inputs;
    expect(readInputAnswer(comment!, "  ")).toEqual({ problem: "Ce champ est obligatoire." });
    expect(readInputAnswer(outcome!, "")).toEqual({ value: "COMPLIANT" });
    expect(readInputAnswer(outcome!, "2")).toEqual({ value: "NON_COMPLIANT" });
    expect(readInputAnswer(outcome!, "a completer")).toEqual({ value: "INCOMPLETE" });
    expect(readInputAnswer(outcome!, "9")).toHaveProperty("problem");
    expect(readInputAnswer(checkedOn!, "3/2/2026")).toEqual({ value: "2026-02-03" });
    expect(readInputAnswer(checkedOn!, "31/02/2026")).toHaveProperty("problem");
    expect(readInputAnswer(notify!, "non")).toEqual({ value: "false" });
  });
});

describe("renderMarkdown", () => {
  const text =
    "**2022-017 · Skatepark**\n\nStatut : **Convention signée**\n- une *liste*\n- [la fiche](https://x.example)";

  it("drops the markers in plain text and keeps one item per line", () => {
    expect(renderMarkdown(text, plainStyle)).toEqual([
      "2022-017 · Skatepark",
      "Statut : Convention signée",
      "  • une liste",
      "  • la fiche (https://x.example)",
    ]);
  });

  it("uses terminal bold when styled", () => {
    expect(renderMarkdown(text, ansiStyle)[1]).toBe("Statut : \x1b[1mConvention signée\x1b[22m");
  });

  it("leaves snake_case and escaped stars alone", () => {
    expect(renderMarkdown("invoice_check_id \\*non\\* <br>2", plainStyle)).toEqual(["invoice_check_id *non*", "2"]);
  });
});
