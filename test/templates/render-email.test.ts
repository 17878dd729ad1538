import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../templates/email/escape-html.ts";
import {
  isEssential,
  renderEmail,
  type TemplateName,
  TemplatePayloadError,
  type TemplatePayloadInput,
  templateNames,
} from "../../templates/email/render-email.ts";

const AMOUNT = "1\u202f234,50\u00a0€";
const UNSUBSCRIBE = "https://bpc40.example.fr/desinscription?token=abc123&liste=evenements";
const DOCUMENT = "https://bpc40.example.fr/conventions/CONV-2024-012.pdf";
const ACCEPT = "https://bpc40.example.fr/rsvp?invitation=42&reponse=oui";
const DECLINE = "https://bpc40.example.fr/rsvp?invitation=42&reponse=non";

/** One realistic payload per template; the mapped type makes a new template without a fixture fail `tsc`. */
const payloads: { [N in TemplateName]: TemplatePayloadInput<N> } = {
  "laureat-announced": {
    holderName: "Association Les Riders de Pontonx",
    projectReference: "2024-012",
    projectTitle: "Pumptrack de Pontonx-sur-l'Adour",
    editionYear: 2024,
    awardedCents: 123450,
  },
  "agreement-to-sign": {
    holderName: "Léa Dufau",
    projectReference: "2024-012",
    projectTitle: "Pumptrack de Pontonx-sur-l'Adour",
    agreementReference: "CONV-2024-012",
    amountCents: 123450,
    documentUrl: DOCUMENT,
    signBy: "2025-07-01",
  },
  "agreement-reminder": {
    holderName: "Léa Dufau",
    projectReference: "2024-012",
    projectTitle: "Pumptrack de Pontonx-sur-l'Adour",
    agreementReference: "CONV-2024-012",
    sentAt: "2025-06-03T16:00:00Z",
    daysSinceSent: 21,
    reminderNumber: 2,
  },
  "payment-sent": {
    holderName: "Commune de Pontonx-sur-l'Adour",
    projectReference: "2024-012",
    projectTitle: "Pumptrack de Pontonx-sur-l'Adour",
    kind: "ADVANCE",
    amountCents: 123450,
    astreMandate: "2025-004567",
    sentAt: "2025-06-03T16:00:00Z",
    remainingCents: 500000,
  },
  "invoice-incomplete": {
    holderName: "Association Les Riders de Pontonx",
    projectReference: "2024-012",
    projectTitle: "Pumptrack de Pontonx-sur-l'Adour",
    supplier: "Terrassements Lafitte SARL",
    invoiceNumber: "F-2025-118",
    invoiceDate: "2025-06-03",
    missingItems: ["la mention « acquittée » signée par le fournisseur", "le détail des travaux réalisés"],
    comment: "Le montant hors taxes ne correspond pas au devis joint.",
  },
  "report-reminder": {
    holderName: "Classe de CM2 de l'école de Sabres",
    projectReference: "2021-031",
    projectTitle: "Jardin pédagogique de l'école",
    dueAt: "2025-06-03T10:00:00Z",
    stage: "before",
  },
  "event-invitation": {
    inviteeName: "Madame la Maire",
    eventTitle: "Inauguration du pumptrack",
    eventKind: "INAUGURATION",
    startsAt: "2025-06-03T16:00:00Z",
    endsAt: "2025-06-03T18:00:00Z",
    place: "Parc municipal, Pontonx-sur-l'Adour",
    projectTitle: "Pumptrack de Pontonx-sur-l'Adour",
    acceptUrl: ACCEPT,
    declineUrl: DECLINE,
  },
  "event-reminder": {
    inviteeName: "Léa Dufau",
    eventTitle: "Inauguration du pumptrack",
    startsAt: "2025-06-03T16:00:00Z",
    place: "Parc municipal, Pontonx-sur-l'Adour",
    daysBefore: 7,
  },
  "event-cancellation": {
    inviteeName: "Léa Dufau",
    eventTitle: "Inauguration du pumptrack",
    startsAt: "2025-06-03T16:00:00Z",
    endsAt: "2025-06-03T18:00:00Z",
    place: "Parc municipal, Pontonx-sur-l'Adour",
    reason: "intempéries",
  },
  "agent-test": { requestedBy: "Camille Agent", requestedAt: "2025-06-03T16:00:00Z" },
  "idea-decision": {
    holderName: "Classe de CM2 de l'école de Sabres",
    ideaReference: "I2024-0123",
    ideaTitle: "Jardin pédagogique de l'école",
    editionYear: 2024,
    decision: "TO_ADJUST",
    reason: "Le coût estimé dépasse le plafond de 30 000 € d'un projet jeune : réduisez la surface du jardin.",
    decidedAt: "2025-06-03T16:00:00Z",
  },
  "idea-not-selected": {
    holderName: "Jean Labat",
    ideaReference: "I2021-0042",
    ideaTitle: "Jardin partagé du quartier",
    editionYear: 2021,
    votes: 1234,
    winners: 54,
  },
  "justifications-reminder": {
    holderName: "Léa Dufau",
    projectReference: "2024-012",
    projectTitle: "Pumptrack de Pontonx-sur-l'Adour",
    advanceSentAt: "2025-06-03",
    paidCents: 500000,
    justifiedCents: 0,
    awardedCents: 123450,
  },
};

/** What each e-mail must say, in both parts (French amounts and dates with their exact spaces). */
const expected: Record<TemplateName, string[]> = {
  "laureat-announced": [
    "Bonjour Association Les Riders de Pontonx,",
    AMOUNT,
    "lauréats du Budget participatif citoyen des Landes 2024",
  ],
  "agreement-to-sign": [AMOUNT, "CONV-2024-012", "mardi 1er juillet 2025", "Consulter la convention"],
  "agreement-reminder": ["mardi 3 juin 2025", "il y a 21\u00a0jours", "CONV-2024-012"],
  "payment-sent": [AMOUNT, "acompte", "mardi 3 juin 2025", "2025-004567", "5\u202f000,00\u00a0€"],
  "invoice-incomplete": [
    "F-2025-118",
    "Terrassements Lafitte SARL",
    "mardi 3 juin 2025",
    "le détail des travaux réalisés",
  ],
  "report-reminder": ["mardi 3 juin 2025", "fréquentation", "photos"],
  "justifications-reminder": ["mardi 3 juin 2025", "factures", AMOUNT, "5\u202f000,00\u00a0€", "0,00\u00a0€"],
  "event-invitation": ["Bonjour Madame la Maire,", "mardi 3 juin 2025, de 18 h 00 à 20 h 00", "Je participerai"],
  "event-reminder": ["dans 7\u00a0jours, le mardi 3 juin 2025 à 18 h 00", "Parc municipal"],
  "event-cancellation": ["est annulé", "mardi 3 juin 2025, de 18 h 00 à 20 h 00", "intempéries"],
  "agent-test": ["message de test", "mardi 3 juin 2025 à 18 h 00", "Camille Agent"],
  "idea-decision": ["I2024-0123", "à ajuster", "mardi 3 juin 2025", "réduisez la surface du jardin"],
  "idea-not-selected": ["Bonjour Jean Labat,", "I2021-0042", "1\u202f234 voix", "(54 projets retenus)", "remercie"],
};

function render<N extends TemplateName>(name: N, payload: TemplatePayloadInput<N> = payloads[name]) {
  return renderEmail(name, payload, { unsubscribeUrl: UNSUBSCRIBE });
}

function thrown(fn: () => unknown): TemplatePayloadError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplatePayloadError);
    return error as TemplatePayloadError;
  }
  throw new Error("aucune erreur levée");
}

describe("renderEmail", () => {
  it("covers every template with a fixture", () => {
    expect([...templateNames].sort()).toEqual(Object.keys(payloads).sort());
    expect(templateNames).toHaveLength(13);
  });

  it.each(templateNames)("renders %s in French, in both parts", (name) => {
    const email = render(name);
    expect(email.subject.length).toBeGreaterThan(10);
    expect(email.subject.length).toBeLessThanOrEqual(150);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text.trim()).not.toBe("");
    expect(email.html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    for (const fragment of expected[name]) {
      expect(email.text).toContain(fragment);
      expect(email.html).toContain(escapeHtml(fragment));
    }
    for (const part of [email.text, email.html]) {
      expect(part).toContain("Démocratie participative et Innovation — Département des Landes");
      expect(part).toContain("23 rue Victor-Hugo, 40025 Mont-de-Marsan Cedex");
    }
    expect(email.text).toContain("Bien cordialement,\nL'équipe du Budget participatif citoyen des Landes");
    expect(email.html).toContain(escapeHtml("L'équipe du Budget participatif citoyen des Landes"));
    expect(email.html).toContain("max-width:600px");
    expect(email.essential).toBe(isEssential(name));
  });

  it("writes the amount with U+202F between digit groups and U+00A0 before the euro sign", () => {
    const { text, html } = render("laureat-announced");
    expect(text).toContain("Montant attribué\u00a0: 1\u202f234,50\u00a0€");
    expect(html).toContain(">1\u202f234,50\u00a0€</td>");
    expect(text).not.toContain("1 234,50 €");
  });

  it("escapes every value in HTML and keeps it as typed in the text part", () => {
    const holderName = "<script>alert(1)</script> & Cie";
    const email = render("payment-sent", {
      ...payloads["payment-sent"],
      holderName,
      projectTitle: 'Skatepark "Le <b>Spot</b>"',
    });
    expect(email.html).toContain("Bonjour &lt;script&gt;alert(1)&lt;/script&gt; &amp; Cie,");
    expect(email.html).toContain("Skatepark &quot;Le &lt;b&gt;Spot&lt;/b&gt;&quot;");
    expect(email.html).not.toContain("<script");
    expect(email.html).not.toContain("<b>");
    expect(email.text).toContain(`Bonjour ${holderName},`);
    expect(email.text).toContain('Skatepark "Le <b>Spot</b>"');
  });

  it("escapes the links it puts in attributes", () => {
    const { html, text } = render("event-invitation");
    expect(html).toContain(`href="${escapeHtml(ACCEPT)}"`);
    expect(html).toContain("reponse=oui");
    expect(html).not.toContain("&reponse");
    expect(text).toContain(`Je participerai\u00a0: ${ACCEPT}`);
    expect(text).toContain(`Je ne pourrai pas venir\u00a0: ${DECLINE}`);
  });

  it("keeps CR/LF from data out of the subject and shortens long subjects", () => {
    const email = render("laureat-announced", {
      ...payloads["laureat-announced"],
      projectTitle: "Pumptrack\r\nde Pontonx\nBcc: victime@example.com",
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toContain("Pumptrack de Pontonx Bcc: victime@example.com");
    expect(email.text).not.toContain("\r");
    const long = render("agreement-reminder", {
      ...payloads["agreement-reminder"],
      projectTitle: `Aménagement ${"d'un très grand parcours sportif et ludique ".repeat(6)}`,
    });
    expect(long.subject.length).toBeLessThanOrEqual(150);
    expect(long.subject).toContain("…");
    expect(long.subject).toMatch(/^2e rappel\u00a0: convention à signer/);
  });

  it("adds the unsubscribe link to non-essential e-mails only, in both parts", () => {
    for (const name of templateNames) {
      const { html, text, essential } = render(name);
      if (essential) {
        expect(text, name).not.toContain("desinscription");
        expect(html, name).not.toContain("desinscription");
        expect(text, name).not.toContain("Pour ne plus recevoir");
      } else {
        expect(text, name).toContain(UNSUBSCRIBE);
        expect(html, name).toContain(`href="${escapeHtml(UNSUBSCRIBE)}"`);
        expect(text, name).toContain("Pour ne plus recevoir ce type de message");
      }
    }
    expect(templateNames.filter((name) => !isEssential(name)).sort()).toEqual([
      "event-cancellation",
      "event-invitation",
      "event-reminder",
    ]);
  });

  it("refuses a non-essential e-mail without an unsubscribe link", () => {
    const error = thrown(() => renderEmail("event-reminder", payloads["event-reminder"]));
    expect(error.fields).toEqual(["contexte.unsubscribeUrl"]);
    expect(error.message).toContain("lien de désinscription obligatoire");
    const test = renderEmail("agent-test", {});
    expect(test.essential).toBe(true);
    expect(test.html).not.toContain('<table role="presentation" style=');
  });

  it("throws a French TemplatePayloadError naming the bad fields", () => {
    const { amountCents: _, ...withoutAmount } = payloads["payment-sent"];
    const error = thrown(() => renderEmail("payment-sent", { ...withoutAmount, kind: "DEPOSIT" }));
    expect(error.templateName).toBe("payment-sent");
    expect(error.fields.sort()).toEqual(["amountCents", "kind"]);
    expect(error.message).toContain("Impossible de préparer l'e-mail « payment-sent »");
    expect(error.message).toContain("« amountCents » : valeur obligatoire absente");
    expect(error.message).toContain("« kind » : Option invalide");
  });

  it("explains other bad values in French", () => {
    const invoice = thrown(() =>
      renderEmail("invoice-incomplete", {
        ...payloads["invoice-incomplete"],
        missingItems: [],
        invoiceDate: "03/06/2025",
      }),
    );
    expect(invoice.message).toContain("« missingItems » : indiquez au moins un élément manquant");
    expect(invoice.message).toContain("« invoiceDate » : une date ISO est attendue");
    const link = thrown(() =>
      renderEmail("agreement-to-sign", { ...payloads["agreement-to-sign"], documentUrl: "javascript:alert(1)" }),
    );
    expect(link.message).toContain("« documentUrl » : un lien http:// ou https:// est attendu");
    const amount = thrown(() =>
      renderEmail("laureat-announced", { ...payloads["laureat-announced"], awardedCents: 12.5 }),
    );
    expect(amount.message).toContain("« awardedCents » : un montant entier en centimes est attendu");
    const blank = thrown(() =>
      renderEmail("laureat-announced", { ...payloads["laureat-announced"], holderName: " \r\n " }),
    );
    expect(blank.message).toContain("« holderName » : ne doit pas être vide");
    const day = thrown(() => renderEmail("report-reminder", { ...payloads["report-reminder"], dueAt: "2025-02-30" }));
    expect(day.message).toContain("« dueAt » : cette date n'existe pas");
    const period = thrown(() =>
      renderEmail(
        "event-invitation",
        { ...payloads["event-invitation"], endsAt: "2025-06-03T15:00:00Z" },
        { unsubscribeUrl: UNSUBSCRIBE },
      ),
    );
    expect(period.fields).toEqual(["endsAt"]);
    const unknown = thrown(() => renderEmail("welcome" as TemplateName, {}));
    expect(unknown.message).toContain("modèle d'e-mail inconnu");
  });

  it("loads no image and no external resource: the only URLs are the given links", () => {
    const given = new Set([UNSUBSCRIBE, DOCUMENT, ACCEPT, DECLINE]);
    for (const name of templateNames) {
      const { html } = render(name);
      expect(html, name).not.toMatch(/<img|<link|<script|<style|<iframe|<object|src=|url\(|@import/i);
      const urls = html.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
      for (const url of urls) expect(given, `${name}: ${url}`).toContain(url.replace(/&amp;/g, "&"));
    }
  });

  it("words each stage of the bilan n+1 reminder differently", () => {
    const subjects = (["before", "due", "after"] as const).map(
      (stage) => render("report-reminder", { ...payloads["report-reminder"], stage }).subject,
    );
    expect(new Set(subjects).size).toBe(3);
    expect(subjects[0]).toContain("pour le mardi 3 juin 2025");
    expect(subjects[2]).toMatch(/^Rappel\u00a0: .*attendu depuis le mardi 3 juin 2025$/);
    const after = render("report-reminder", { ...payloads["report-reminder"], stage: "after" });
    expect(after.text).toContain("nous ne l'avons pas encore reçu");
    expect(after.text).toContain("merci de ne pas tenir compte de ce message");
  });

  it("says acompte or solde", () => {
    const advance = render("payment-sent");
    expect(advance.subject).toMatch(/^Versement de l'acompte pour votre projet «\u00a0Pumptrack/);
    expect(advance.text).toContain("Nature du versement\u00a0: Acompte");
    const balance = render("payment-sent", { ...payloads["payment-sent"], kind: "BALANCE", remainingCents: 0 });
    expect(balance.subject).toMatch(/^Versement du solde pour votre projet/);
    expect(balance.text).toContain("Nature du versement\u00a0: Solde");
    expect(balance.text).toContain("Reste à verser\u00a0: 0,00\u00a0€");
  });

  it("lists what an invoice lacks and shows the agent's comment", () => {
    const { text, html } = render("invoice-incomplete");
    expect(text).toContain("- la mention « acquittée » signée par le fournisseur\n- le détail des travaux réalisés");
    expect(html).toContain("<li>le détail des travaux réalisés</li>");
    expect(text).toContain("Le montant hors taxes ne correspond pas au devis joint.");
  });

  it("says the convention is attached when no link is given, and greets formally without a name", () => {
    const { documentUrl: _, ...withoutLink } = payloads["agreement-to-sign"];
    expect(render("agreement-to-sign", withoutLink).text).toContain("La convention est jointe à ce message.");
    const { inviteeName: __, ...anonymous } = payloads["event-reminder"];
    expect(render("event-reminder", { ...anonymous, daysBefore: 1 }).text).toContain(
      "Madame, Monsieur,\n\nNous vous rappelons que l'événement «\u00a0Inauguration du pumptrack\u00a0» aura lieu demain à 18 h 00.",
    );
  });

  it("writes event periods over several days and across a daylight-saving change in Europe/Paris", () => {
    const { text } = render("event-invitation", {
      ...payloads["event-invitation"],
      startsAt: "2025-10-25T08:00:00Z",
      endsAt: "2025-10-26T16:00:00Z",
    });
    expect(text).toContain("Date\u00a0: du samedi 25 octobre 2025 à 10 h 00 au dimanche 26 octobre 2025 à 17 h 00");
  });

  it("is pure: same input, same output, payload untouched", () => {
    const payload = structuredClone(payloads["laureat-announced"]);
    const first = render("laureat-announced", payload);
    expect(render("laureat-announced", payload)).toEqual(first);
    expect(payload).toEqual(payloads["laureat-announced"]);
  });

  it("uses the department name given by the sender", () => {
    const { html, text } = renderEmail("agent-test", {}, { departmentName: "Département des Landes (recette)" });
    expect(text).toMatch(/^Département des Landes \(recette\) — Budget participatif citoyen des Landes/);
    expect(html).toContain("Démocratie participative et Innovation — Département des Landes (recette)");
  });
});
