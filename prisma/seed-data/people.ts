import { normalizeKey } from "../../domain/text/normalize-key.ts";
import type { Rng } from "./prng.ts";

/**
 * Invented people. Names are drawn from common French and Gascon first names and
 * surnames; any resemblance to a real mayor, councillor or porteur is accidental, and
 * no real person's data is used. Every address is on example.org (RFC 2606), and phone
 * numbers come from the ranges ARCEP reserves for fiction (05 36 49…, 06 39 98…), so a
 * demo can never call or mail a real person.
 */
const WOMEN = [
  "Marie",
  "Claire",
  "Sophie",
  "Nathalie",
  "Isabelle",
  "Hélène",
  "Anne",
  "Céline",
  "Julie",
  "Laure",
  "Sandrine",
  "Émilie",
  "Camille",
  "Pauline",
  "Maïté",
  "Christine",
  "Véronique",
  "Audrey",
  "Léa",
  "Agnès",
  "Florence",
  "Marion",
  "Élodie",
  "Béatrice",
  "Sylvie",
  "Manon",
] as const;

const MEN = [
  "Jean",
  "Pierre",
  "Michel",
  "Philippe",
  "Alain",
  "Thierry",
  "Julien",
  "Nicolas",
  "Mathieu",
  "Laurent",
  "Sébastien",
  "Olivier",
  "Bernard",
  "Christophe",
  "Didier",
  "Éric",
  "Guillaume",
  "Romain",
  "Thomas",
  "Jérôme",
  "Patrick",
  "Fabien",
  "Antoine",
  "Xavier",
  "Benoît",
  "Régis",
] as const;

const SURNAMES = [
  "Lafitte",
  "Dufau",
  "Labat",
  "Lalanne",
  "Dupouy",
  "Castaing",
  "Lesbats",
  "Ducasse",
  "Lartigue",
  "Bordes",
  "Lacoste",
  "Tauzin",
  "Lamarque",
  "Duprat",
  "Dubroca",
  "Larrieu",
  "Cazaubon",
  "Darracq",
  "Pédelucq",
  "Baylac",
  "Capdeville",
  "Dulucq",
  "Garbay",
  "Haurie",
  "Lacaze",
  "Barrère",
  "Laborde",
  "Destenave",
  "Lagière",
  "Saint-Girons",
  "Daugreilh",
  "Lasserre",
  "Mora",
  "Barthe",
  "Dartiguelongue",
  "Lahitte",
  "Ducournau",
  "Cassagne",
  "Labeyrie",
  "Pouyanne",
  "Dauga",
  "Larrère",
  "Bergès",
  "Soubiran",
  "Lacouture",
  "Mounéou",
  "Castets",
  "Lanusse",
  "Darrigade",
  "Poymiro",
] as const;

export type Gender = "F" | "M";

export function personName(rng: Rng, gender: Gender = rng.chance(0.5) ? "F" : "M"): string {
  return `${rng.pick(gender === "F" ? WOMEN : MEN)} ${rng.pick(SURNAMES)}`;
}

/** "Maïté Saint-Girons" → "maite.saint-girons". */
export function emailLocalPart(text: string): string {
  return normalizeKey(text)
    .replace(/'/g, "")
    .replace(/[^a-z0-9-]+/g, ".")
    .replace(/^\.|\.$/g, "");
}

/** Hands out unique e-mail addresses: a second "jean.labat" becomes "jean.labat2". */
export class EmailBook {
  private readonly used = new Set<string>();

  constructor(private readonly domain = "example.org") {}

  take(localPart: string): string {
    const base = emailLocalPart(localPart).slice(0, 48);
    let candidate = base;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${base}${n}`;
    this.used.add(candidate);
    return `${candidate}@${this.domain}`;
  }
}

/** A fixed-line number from the fictional range 05 36 49 xx xx. */
export function landlinePhone(rng: Rng): string {
  return `05 36 49 ${pair(rng)} ${pair(rng)}`;
}

/** A mobile number from the fictional range 06 39 98 xx xx. */
export function mobilePhone(rng: Rng): string {
  return `06 39 98 ${pair(rng)} ${pair(rng)}`;
}

function pair(rng: Rng): string {
  return String(rng.int(0, 99)).padStart(2, "0");
}

const STREETS = [
  "rue des Écoles",
  "avenue de la Gare",
  "place de la Mairie",
  "rue du Stade",
  "allée des Pins",
  "chemin de Lamarque",
  "rue de l'Église",
  "route de la Lande",
  "impasse des Chênes",
  "rue du Fronton",
  "avenue des Arènes",
  "rue des Tilleuls",
] as const;

export function streetAddress(rng: Rng, commune: string, postcode: string): string {
  return `${rng.int(1, 48)} ${rng.pick(STREETS)}, ${postcode} ${commune}`;
}

/** "de Dax", "d'Aire-sur-l'Adour", "d'Hagetmau": the French elision before a place name. */
export function ofPlace(place: string): string {
  return /^[aeiouyhàâéèêîôû]/i.test(place) ? `d'${place}` : `de ${place}`;
}
