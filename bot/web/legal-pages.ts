import type restify from "restify";
import { htmlPage } from "./html-page.ts";

const contact = `<p>Pour toute question, ou pour exercer vos droits (accès, rectification, effacement dans les
limites des obligations légales, limitation, opposition) : le service Démocratie participative et Innovation du
Département des Landes, ou le délégué à la protection des données du Département (coordonnées sur
<a href="https://www.landes.fr">www.landes.fr</a>). Vous pouvez aussi adresser une réclamation à la CNIL
(<a href="https://www.cnil.fr">www.cnil.fr</a>).</p>`;

/**
 * Privacy notice the Teams manifest points to (`privacyUrl`), also meant for the porteurs
 * who follow a link from an e-mail. Keep it true to what the code stores; the retention
 * rules are the Département's archiving rules, to be confirmed by its data protection officer.
 */
const privacy = `<p>Le Département des Landes utilise l'assistant BPC40 pour suivre les projets lauréats du
Budget participatif citoyen des Landes, du vote jusqu'au bilan un an après la réalisation.</p>
<h2>Données des porteurs de projet</h2>
<ul>
<li>le nom de la structure ou de la personne porteuse, le nom du contact, l'adresse e-mail, le téléphone,
l'adresse postale et, pour une association ou une entreprise, le numéro SIRET&nbsp;;</li>
<li>le dossier du projet&nbsp;: convention, versements, factures et leur contrôle, bilan, événements
(inaugurations) et réponses aux invitations&nbsp;;</li>
<li>l'historique des e-mails envoyés (destinataire, modèle utilisé, date, résultat de l'envoi)&nbsp;;</li>
<li>votre accord, ou non, pour recevoir les e-mails non essentiels, et sa date.</li>
</ul>
<h2>Pourquoi</h2>
<p>Pour assurer le suivi du budget participatif&nbsp;: convention, versement de la subvention, contrôle des
factures, bilan, invitations aux événements. Ce traitement relève de la mission d'intérêt public du Département
(article 6.1.e du RGPD)&nbsp;; les e-mails non essentiels (invitations, rappels d'événements) reposent sur votre
accord (article 6.1.a). Aucune donnée n'est vendue ni utilisée à des fins commerciales, et les e-mails ne
contiennent ni pixel de suivi ni image distante.</p>
<h2>Combien de temps</h2>
<p>Le temps du suivi du projet, jusqu'à sa clôture après le bilan, puis la durée d'archivage des dossiers de
subvention fixée par les règles des archives publiques. Votre accord pour les e-mails non essentiels vaut
jusqu'à ce que vous le retiriez.</p>
<h2>Ne plus recevoir les e-mails non essentiels</h2>
<p>Chaque e-mail non essentiel contient un lien «&nbsp;Se désinscrire&nbsp;»&nbsp;: un clic suffit. Les
courriers administratifs liés à votre projet (convention, versements, factures, bilan) continuent de vous être
envoyés tant que le projet est suivi.</p>
<h2>Données des agents</h2>
<p>Pour les agents du Département qui utilisent l'assistant dans Microsoft Teams&nbsp;: l'identifiant Microsoft
Entra, le nom, l'adresse e-mail, le rôle, les conversations où le bot écrit, et le journal des actions
effectuées (qui a fait quoi, et quand).</p>
<h2>Contact</h2>
${contact}`;

/** Terms of use the Teams manifest points to (`termsOfUseUrl`). */
const terms = `<p>L'assistant BPC40 est une application Microsoft Teams du Département des Landes, réservée à ses
agents pour le suivi du Budget participatif citoyen des Landes.</p>
<ul>
<li>L'accès est accordé par un administrateur de l'assistant, avec un rôle (lecteur, agent, administrateur) qui
détermine ce que chacun peut consulter ou faire.</li>
<li>Les informations affichées, en particulier les coordonnées des porteurs de projet, sont confidentielles&nbsp;:
elles ne servent qu'au suivi du budget participatif et ne sont pas copiées hors des outils du Département.</li>
<li>Les e-mails envoyés aux porteurs le sont au nom du Département&nbsp;; les actions faites dans l'assistant sont
enregistrées dans un journal (qui, quoi, quand).</li>
<li>Le traitement des données personnelles est décrit dans la page
<a href="/confidentialite">Confidentialité</a>.</li>
</ul>
<h2>Contact</h2>
${contact}`;

/** `GET /confidentialite` and `GET /conditions`: the privacy notice and terms of use, public pages in French. */
export function registerLegalPages(server: restify.Server): void {
  const page = (title: string, body: string) => async (_req: restify.Request, res: restify.Response) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.sendRaw(200, htmlPage(title, body));
  };
  server.get("/confidentialite", page("Données personnelles et confidentialité", privacy));
  server.get("/conditions", page("Conditions d'utilisation", terms));
}
