import { describe, expect, it } from "vitest";
import { parisTime } from "../../domain/dates/paris-time.ts";
import { checkEventPlan } from "../../domain/events/check-event-plan.ts";
import { reportDueAfter } from "../../domain/events/mark-event-held.ts";
import { overlaps } from "../../domain/events/overlaps.ts";
import { parseEventLine } from "../../domain/events/parse-event-line.ts";
import { resolvePlace } from "../../domain/events/resolve-place.ts";

const at = (iso: string) => new Date(iso);
const span = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) });

describe("overlaps (half-open UTC intervals)", () => {
  // Paris times in comments; instants in UTC.
  const cases: Array<[string, ReturnType<typeof span>, ReturnType<typeof span>, boolean]> = [
    [
      "back to back at 20:00 (summer)",
      span("2027-06-15T16:00Z", "2027-06-15T18:00Z"),
      span("2027-06-15T18:00Z", "2027-06-15T20:00Z"),
      false,
    ],
    [
      "one minute of overlap",
      span("2027-06-15T16:00Z", "2027-06-15T18:01Z"),
      span("2027-06-15T18:00Z", "2027-06-15T20:00Z"),
      true,
    ],
    [
      "one inside the other",
      span("2027-06-15T14:00Z", "2027-06-15T20:00Z"),
      span("2027-06-15T16:00Z", "2027-06-15T17:00Z"),
      true,
    ],
    // 22:00-00:30 Paris on 14/06 and 00:00-02:00 Paris on 15/06: they cross midnight together.
    [
      "across Paris midnight",
      span("2027-06-14T20:00Z", "2027-06-14T22:30Z"),
      span("2027-06-14T22:00Z", "2027-06-15T00:00Z"),
      true,
    ],
    // 23:00-00:00 Paris then 00:00-01:00 Paris (winter): touching at midnight only.
    [
      "touching at Paris midnight (winter)",
      span("2027-01-10T22:00Z", "2027-01-10T23:00Z"),
      span("2027-01-10T23:00Z", "2027-01-11T00:00Z"),
      false,
    ],
    // Night of 28/03/2027 (clocks go 02:00 → 03:00): 01:00-02:00 Paris (00:00Z-01:00Z) and 03:00-04:00 Paris (01:00Z-02:00Z).
    [
      "spring forward: 01:00-02:00 then 03:00-04:00 Paris",
      span("2027-03-28T00:00Z", "2027-03-28T01:00Z"),
      span("2027-03-28T01:00Z", "2027-03-28T02:00Z"),
      false,
    ],
    // Night of 31/10/2027 (03:00 → 02:00): the two 02:30 Paris are an hour apart.
    [
      "fall back: the first 02:00-03:00 and the second",
      span("2027-10-31T00:00Z", "2027-10-31T01:00Z"),
      span("2027-10-31T01:00Z", "2027-10-31T02:00Z"),
      false,
    ],
    [
      "fall back: 01:30-02:30 (first) against 02:00-03:00 (second)",
      span("2027-10-30T23:30Z", "2027-10-31T00:30Z"),
      span("2027-10-31T01:00Z", "2027-10-31T02:00Z"),
      false,
    ],
  ];
  it.each(cases)("%s", (_label, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe("checkEventPlan", () => {
  const now = at("2027-03-01T09:00:00Z");
  const room = { name: "Salle des commissions", capacity: 25 };
  const base = {
    startsAt: parisTime(2027, 6, 15, 18),
    endsAt: parisTime(2027, 6, 15, 20),
    room,
    inviteeCount: 9,
    bookings: [],
    badEmails: [],
  };

  it("accepts a plan in the future, in order, free, large enough", () => {
    expect(checkEventPlan(base, now)).toEqual([]);
  });

  it("refuses a past date and an end before the start, in French", () => {
    const problems = checkEventPlan(
      { ...base, startsAt: parisTime(2027, 2, 28, 18), endsAt: parisTime(2027, 2, 28, 17) },
      now,
    );
    expect(problems).toEqual([
      "La date du dimanche 28 février 2027 à 18 h 00 est passée : choisissez une date à venir.",
      "L'heure de fin doit suivre l'heure de début.",
    ]);
  });

  it("names the event that already holds the room", () => {
    const booking = {
      id: 41,
      title: "Commission citoyenne",
      startsAt: parisTime(2027, 6, 15, 19),
      endsAt: parisTime(2027, 6, 15, 21),
    };
    expect(checkEventPlan({ ...base, bookings: [booking] }, now)).toEqual([
      "La salle Salle des commissions est déjà réservée pour « Commission citoyenne » (événement n° 41, du mardi 15 juin 2027 à 19 h 00 au mardi 15 juin 2027 à 21 h 00).",
    ]);
    const after = { ...booking, startsAt: parisTime(2027, 6, 15, 20), endsAt: parisTime(2027, 6, 15, 22) };
    expect(checkEventPlan({ ...base, bookings: [after] }, now)).toEqual([]);
  });

  it("refuses a room too small (capacity is a maximum, equal is fine) and names each bad address", () => {
    expect(checkEventPlan({ ...base, inviteeCount: 25 }, now)).toEqual([]);
    expect(checkEventPlan({ ...base, inviteeCount: 26, badEmails: ["jean.dupont@", "marie"] }, now)).toEqual([
      "La salle Salle des commissions accueille 25 personnes, pour 26 invités : choisissez une salle plus grande.",
      "« jean.dupont@ » n'est pas une adresse e-mail valide.",
      "« marie » n'est pas une adresse e-mail valide.",
    ]);
  });

  it("ignores capacity and bookings for an address", () => {
    expect(checkEventPlan({ ...base, room: null, inviteeCount: 500 }, now)).toEqual([]);
  });
});

describe("parseEventLine (Paris wall-clock → UTC)", () => {
  it.each([
    ["2022-017 15/06/2027 18:00-20:00 Salle Henri-Emmanuelli", "2027-06-15T16:00:00.000Z", "2027-06-15T18:00:00.000Z"],
    ["2022-17 15/01/2027 18h-20h30 Parc municipal, Grenade", "2027-01-15T17:00:00.000Z", "2027-01-15T19:30:00.000Z"],
    // Sunday of the spring change: 10:00 Paris is already summer time.
    ["2022-017 28/03/2027 10:00-12:00 Mairie", "2027-03-28T08:00:00.000Z", "2027-03-28T10:00:00.000Z"],
    // Sunday of the autumn change: 10:00 Paris is winter time again.
    ["2022-017 31/10/2027 10h à 12h Mairie", "2027-10-31T09:00:00.000Z", "2027-10-31T11:00:00.000Z"],
    // Late evening, ending at midnight Paris the next day is refused later as end < start; 22:00-23:30 is fine.
    ["2022-017 31/12/2027 22:00-23:30 Salle du chai", "2027-12-31T21:00:00.000Z", "2027-12-31T22:30:00.000Z"],
  ])("%s", (text, start, end) => {
    const parsed = parseEventLine(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.line.startsAt.toISOString()).toBe(start);
    expect(parsed.line.endsAt.toISOString()).toBe(end);
    expect(parsed.line.reference).toBe("2022-017");
  });

  it("says in French what it did not understand", () => {
    expect(parseEventLine("2022-017 31/02/2027 18:00-20:00 Mairie")).toEqual({
      ok: false,
      problem: "« 31/02/2027 » n'est pas une date (jj/mm/aaaa).",
    });
    expect(parseEventLine("2022-017 demain")).toMatchObject({ ok: false });
  });
});

describe("resolvePlace", () => {
  const rooms = [
    {
      id: 1,
      name: "Salle Henri-Emmanuelli",
      site: "Hôtel du Département",
      address: "23 rue Victor-Hugo",
      capacity: 60,
    },
    { id: 2, name: "Salle du chai", site: "Domaine départemental d'Ognoas", address: "Domaine d'Ognoas", capacity: 50 },
  ];
  it("finds a room whatever the case and accents, or takes an address", () => {
    expect(resolvePlace("salle henri-emmanuelli", rooms)).toMatchObject({ ok: true, room: { id: 1 } });
    expect(resolvePlace("Salle du Chai, Domaine départemental d'Ognoas", rooms)).toMatchObject({
      ok: true,
      room: { id: 2 },
    });
    expect(resolvePlace("Skatepark, avenue de la Gare, Grenade", rooms)).toMatchObject({ ok: true, room: null });
    expect(resolvePlace("Salle des fêtes inconnue", rooms)).toMatchObject({ ok: false });
  });
});

describe("reportDueAfter (bilan n+1)", () => {
  it("is the same Paris day a year later, at Paris midnight", () => {
    // Held at 23:30 Paris on 30/06/2027 (21:30Z): the Paris day is the 30th.
    expect(reportDueAfter(at("2027-06-30T21:30:00Z")).toISOString()).toBe("2028-06-29T22:00:00.000Z");
    // Held 00:30 Paris on 1/01/2027 (still 31/12 in UTC).
    expect(reportDueAfter(at("2026-12-31T23:30:00Z")).toISOString()).toBe("2027-12-31T23:00:00.000Z");
  });
});
