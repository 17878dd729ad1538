import { describe, expect, it } from "vitest";
import { type IndexedRow, ProjectSearchIndex } from "../../domain/projects/project-search-index.ts";

const names = { editionYears: new Map([[1, 2024]]), cantons: new Map(), communes: new Map(), themes: new Map() };

function row(id: number, words: string[]): IndexedRow {
  return {
    project: {
      id,
      reference: `2024-${String(id).padStart(3, "0")}`,
      title: words.join(" "),
      editionId: 1,
      number: id,
      themeId: null,
      communeId: null,
      cantonId: 1,
      holderName: "Porteur",
      followedById: null,
      isYouth: false,
      awardedCents: 100,
      status: "WINNER",
      titleLength: words.length,
    },
    searchWords: words,
    titleWords: words,
  };
}

describe("ProjectSearchIndex.postingsOfAny", () => {
  it("merges the lists of several words, and is current after every change", () => {
    const index = new ProjectSearchIndex(names);
    index.upsert([row(1, ["jardin"]), row(2, ["jardins", "dax"]), row(3, ["dax"]), row(4, ["jardin", "jardins"])]);
    const slotsOf = (ids: number[]) => ids.map((id) => index.slotByReference.get(`2024-00${id}`));
    expect([...index.postingsOfAny(["jardin", "jardins"])]).toEqual(slotsOf([1, 2, 4]));
    // Kept: asked again, the very same list.
    expect(index.postingsOfAny(["jardin", "jardins"])).toBe(index.postingsOfAny(["jardin", "jardins"]));
    index.upsert([row(5, ["jardins"])]);
    expect([...index.postingsOfAny(["jardin", "jardins"])]).toEqual(slotsOf([1, 2, 4, 5]));
    index.remove([1]);
    expect([...index.postingsOfAny(["jardin", "jardins"])]).toEqual(slotsOf([2, 4, 5]));
    index.upsert([row(2, ["dax"])]);
    expect([...index.postingsOfAny(["jardin", "jardins"])]).toEqual(slotsOf([4, 5]));
    expect([...index.postingsOfAny(["dax"])]).toEqual(slotsOf([2, 3]).sort((a, b) => (a ?? 0) - (b ?? 0)));
  });
});
