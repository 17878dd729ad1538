import * as z from "zod";
import { formatDate } from "../../domain/dates/format-date.ts";
import { bulletList, facts, paragraph } from "./email-content.ts";
import { defineEmailTemplate } from "./email-template.ts";
import { frenchQuote } from "./french-quote.ts";
import { greeting } from "./greeting.ts";
import { payloadFields } from "./payload-fields.ts";
import { shorten } from "./shorten.ts";

/** Payload of a reminder about the bilan n+1 (the report one year after completion). */
export const ReportReminderPayloadSchema = z.object({
  holderName: payloadFields.line(200),
  projectReference: payloadFields.line(40),
  projectTitle: payloadFields.line(300),
  dueAt: payloadFields.date(),
  /** Where the reminder scan stands against the due date; the wording follows. */
  stage: z.enum(["before", "due", "after"]),
});

type Stage = z.output<typeof ReportReminderPayloadSchema>["stage"];

function subject(stage: Stage, quotedTitle: string, due: string): string {
  switch (stage) {
    case "before":
      return `Bilan à un an de votre projet ${quotedTitle}\u00a0: à nous transmettre pour le ${due}`;
    case "due":
      return `Bilan à un an de votre projet ${quotedTitle}\u00a0: c'est le moment de nous le transmettre`;
    case "after":
      return `Rappel\u00a0: bilan à un an de votre projet ${quotedTitle}, attendu depuis le ${due}`;
  }
}

function request(stage: Stage, due: string): string {
  switch (stage) {
    case "before":
      return `Votre bilan est attendu pour le ${due}. Vous pouvez dès à présent rassembler quelques éléments\u00a0:`;
    case "due":
      return `Nous arrivons à la date prévue pour ce bilan, le ${due}. Merci de nous transmettre quelques éléments\u00a0:`;
    case "after":
      return `Votre bilan était attendu le ${due} et, sauf erreur de notre part, nous ne l'avons pas encore reçu. Merci de nous transmettre dès que possible quelques éléments\u00a0:`;
  }
}

/**
 * Asks for the bilan n+1, before, on and after its due date. Essential: the report is part
 * of the porteur's commitments in the convention. Photos of children need their parents'
 * consent, hence the reminder about people shown on photos.
 */
export const reportReminder = defineEmailTemplate({
  schema: ReportReminderPayloadSchema,
  essential: true,
  build: (p, { departmentName }) => {
    const due = formatDate(p.dueAt);
    return {
      subject: subject(p.stage, frenchQuote(shorten(p.projectTitle, 50)), due),
      greeting: greeting(p.holderName),
      blocks: [
        paragraph(
          `Un an après la réalisation de votre projet ${frenchQuote(p.projectTitle)}, le ${departmentName} aimerait savoir ce qu'il est devenu. Ce bilan nous aide à rendre compte du Budget participatif citoyen aux Landaises et aux Landais.`,
        ),
        paragraph(request(p.stage, due)),
        bulletList([
          "comment le projet est utilisé aujourd'hui, et par qui\u00a0;",
          "sa fréquentation (une estimation suffit)\u00a0;",
          "quelques photos récentes.",
        ]),
        facts([
          { label: "Référence du projet", value: p.projectReference },
          { label: "Bilan attendu le", value: due },
        ]),
        paragraph(
          "Quelques lignes suffisent\u00a0: l'essentiel est de savoir ce que votre projet apporte au quotidien. Si des personnes sont reconnaissables sur les photos, assurez-vous de leur accord (celui des parents pour les enfants).",
        ),
        ...(p.stage === "after"
          ? [paragraph("Si vous nous avez déjà transmis votre bilan, merci de ne pas tenir compte de ce message.")]
          : []),
      ],
    };
  },
});
