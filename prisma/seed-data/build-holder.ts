import { parisDaysFrom } from "../../domain/dates/paris-time.ts";
import type { HolderKind } from "../generated/enums.ts";
import { slugify } from "./cantons.ts";
import type { Idea } from "./ideas.ts";
import { type EmailBook, landlinePhone, mobilePhone, ofPlace, personName, streetAddress } from "./people.ts";
import type { Rng } from "./prng.ts";

export interface HolderSeed {
  kind: HolderKind;
  name: string;
  contactName: string;
  email: string;
  phone: string;
  address: string;
  emailConsent: boolean;
  consentAt: Date | null;
  unsubscribedAt: Date | null;
}

export interface HolderRequest {
  kind: HolderKind;
  idea: Idea;
  commune: string;
  postcode: string;
  /** The day the winners were told: consents are given in the weeks after. */
  consentFrom: Date;
  youth: boolean;
  /** A fixed name, for projects the tests rely on. */
  name?: string;
}

/** An organisation's address derives from its name, so the same association keeps it across editions. */
function orgEmail(localPart: string): string {
  return `${localPart.slice(0, 64).replace(/-+$/, "")}@example.org`;
}

/** Group names of the catalogue that read as an informal group rather than an association. */
const INFORMAL = /^(Classe|Collectif|Conseil municipal des jeunes|Les ados|Club|Éco-délégués|Parents)/;

function associationName(idea: Idea, commune: string): string {
  const group = idea.group(commune);
  return INFORMAL.test(group) ? `Foyer rural ${ofPlace(commune)}` : group;
}

function collectiveName(idea: Idea, commune: string, youth: boolean): string {
  const group = idea.group(commune);
  if (INFORMAL.test(group)) return group;
  return youth ? `Collectif des jeunes ${ofPlace(commune)}` : `Collectif des habitants ${ofPlace(commune)}`;
}

/**
 * An invented porteur. About two thirds accept non-essential e-mails (RGPD consent with
 * its date); a few of the others accepted then unsubscribed, so both paths show.
 */
export function buildHolder(rng: Rng, emails: EmailBook, request: HolderRequest): HolderSeed {
  const { kind, idea, commune, postcode, consentFrom } = request;
  const contactName = personName(rng);
  const consentDraw = rng.next();
  const consentDay = rng.int(3, 45);
  const unsubscribeDay = consentDay + rng.int(30, 120);
  const hour = rng.int(9, 19);
  const emailConsent = consentDraw < 0.65;
  const unsubscribed = !emailConsent && consentDraw > 0.9;
  const base = {
    kind,
    contactName,
    phone: kind === "PERSON" || kind === "COLLECTIVE" ? mobilePhone(rng) : landlinePhone(rng),
    address: streetAddress(rng, commune, postcode),
    emailConsent,
    consentAt: emailConsent || unsubscribed ? parisDaysFrom(consentFrom, consentDay, hour, 12) : null,
    unsubscribedAt: unsubscribed ? parisDaysFrom(consentFrom, unsubscribeDay, hour, 40) : null,
  };
  switch (kind) {
    case "PERSON":
      return { ...base, name: contactName, email: emails.take(contactName) };
    case "COMMUNE":
      return {
        ...base,
        name: request.name ?? `Commune ${ofPlace(commune)}`,
        email: orgEmail(`mairie-${slugify(commune)}`),
      };
    case "ASSOCIATION": {
      const name = request.name ?? associationName(idea, commune);
      return { ...base, name, email: orgEmail(slugify(name)) };
    }
    case "COLLECTIVE":
      // An informal group has no mailbox of its own: its adult referent receives the mail.
      return {
        ...base,
        name: request.name ?? collectiveName(idea, commune, request.youth),
        email: emails.take(contactName),
      };
  }
}

/** Identity of a porteur in the demo: an association or commune carrying projects in several editions is one holder. */
export const holderKey = (holder: Pick<HolderSeed, "kind" | "name" | "email">): string =>
  `${holder.kind}|${holder.name}|${holder.email}`;

/** Keeps the first description of each porteur, so later projects point to the same one. */
export class HolderRegistry {
  private readonly holders = new Map<string, HolderSeed>();

  resolve(holder: HolderSeed): HolderSeed {
    const key = holderKey(holder);
    const known = this.holders.get(key);
    if (known) return known;
    this.holders.set(key, holder);
    return holder;
  }
}
