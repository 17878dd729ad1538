import { describe, expect, it } from "vitest";
import { CardVerbs } from "../../bot/cards/card-verbs.ts";
import { buildSelectionCard, SELECTION_PAGE_SIZE, selectionSummary } from "../../bot/cards/selection-card.ts";
import { selectWinners } from "../../domain/selection/select-winners.ts";
import { selectionFingerprint } from "../../domain/selection/selection-fingerprint.ts";
import { buildSelectionEdition, RULES_2021 } from "../support/build-selection-edition.ts";
import { validateAdaptiveCard } from "../support/validate-adaptive-card.ts";

const selection = selectWinners(buildSelectionEdition(), RULES_2021);
const view = (page: number) => ({
  year: 2021,
  rules: RULES_2021,
  selection,
  published: null,
  fingerprint: selectionFingerprint(selection),
  page,
});
const handledVerbs = Object.values(CardVerbs);
const verbsOf = (card: Record<string, unknown>) =>
  ((card.actions ?? []) as Array<{ verb?: string; title: string }>).map((a) => a.verb ?? a.title);

describe("the selection card of a full edition", () => {
  it("pages the 280 explanation lines, each card valid and well under Teams' 28 KB", () => {
    const pages = Math.ceil(280 / SELECTION_PAGE_SIZE);
    for (const page of [1, 2, pages]) {
      const card = buildSelectionCard(view(page), { canPublish: true, handledVerbs });
      expect(validateAdaptiveCard(card)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28_000);
      expect(JSON.stringify(card)).toContain(`page ${page} sur ${pages}`);
    }
    expect(verbsOf(buildSelectionCard(view(1), { canPublish: true, handledVerbs }))).toEqual([
      CardVerbs.selectionPage,
      "Publier les résultats",
    ]);
    expect(verbsOf(buildSelectionCard(view(2), { canPublish: false, handledVerbs }))).toEqual([
      CardVerbs.selectionPage,
      CardVerbs.selectionPage,
    ]);
    expect(selectionSummary(view(1))).toBe(
      `Sélection 2021 (simulation) · ${selection.totals.winners} lauréats · ${new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(selection.totals.spentCents / 100)} sur 1\u202f500\u202f000,00\u00a0€`,
    );
  });

  it("shows the winners per canton and the youth reserve", () => {
    const json = JSON.stringify(buildSelectionCard(view(1), { canPublish: false, handledVerbs }));
    expect(json).toContain('"title":"Réserve jeunesse","value":"150\u202f000,00\u00a0€ ; projets jeunes retenus');
    expect(json).toContain("Seignanx : ");
    expect(json).toContain("2 lauréats par canton, dont 1 projet jeune là où il y en a un recevable");
  });
});
