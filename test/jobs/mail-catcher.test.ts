import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import restify from "restify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerMailPages } from "../../bot/dev/mail-pages.ts";
import { listCaughtMail, readCaughtMail } from "../../jobs/mail/list-caught-mail.ts";
import { type MailCatcher, startMailCatcher } from "../../jobs/mail/start-mail-catcher.ts";

const INVITATION_SUBJECT = "Invitation : réunion d'été « Budget & projets »";
const UNSUBSCRIBE = "<https://bpc40.example.org/desinscription?t=abc123>";
const CALENDAR = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//BPC40//Test//FR",
  "METHOD:REQUEST",
  "BEGIN:VEVENT",
  "UID:evenement-42@bpc40.example.org",
  "SEQUENCE:0",
  "DTSTAMP:20261128T090000Z",
  "DTSTART:20270603T160000Z",
  "DTEND:20270603T180000Z",
  "SUMMARY:Réunion d'été",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

let root: string;
let dir: string;
let catcher: MailCatcher;
let transport: Transporter;
let web: restify.Server;
let baseUrl: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "bpc40-mail-"));
  dir = join(root, "mail");
  catcher = await startMailCatcher({ port: 0, dir });
  transport = nodemailer.createTransport({ host: "127.0.0.1", port: catcher.port, ignoreTLS: true });
  await transport.sendMail({
    from: "Budget participatif des Landes <bpc40@landes.example.org>",
    to: "Camille Porteuse <camille@example.org>",
    subject: INVITATION_SUBJECT,
    messageId: "<invitation-1@bpc40.example.org>",
    headers: { "List-Unsubscribe": UNSUBSCRIBE, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    text: "Bonjour Camille,\nRendez-vous le 3 juin à 18 h <salle des fêtes>.",
    html: "<p>Bonjour <b>Camille</b>,</p><p>Rendez-vous le 3 juin à 18 h.</p>",
    icalEvent: { method: "REQUEST", content: CALENDAR },
  });
  await transport.sendMail({
    from: "bpc40@landes.example.org",
    to: "dominique@example.org",
    subject: "Relance : convention à signer",
    messageId: "<relance-2@bpc40.example.org>",
    text: "Votre convention attend votre signature.",
  });

  web = restify.createServer({ handleUncaughtExceptions: false });
  registerMailPages(web, { dir });
  await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});

afterAll(async () => {
  transport?.close();
  await new Promise<void>((resolve) => (web ? web.close(() => resolve()) : resolve()));
  await catcher?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("startMailCatcher", () => {
  it("gives the SMTP_URL nodemailer should use", () => {
    expect(catcher.url).toBe(`smtp://127.0.0.1:${catcher.port}?ignoreTLS=true`);
    expect(catcher.port).toBeGreaterThan(0);
  });

  it("writes each message verbatim to its own .eml file, nothing half-written left behind", async () => {
    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(2);
    for (const file of files) expect(file).toMatch(/^\d{8}-\d{6}-\d{3}-[0-9a-f]{8}\.eml$/);
    const first = await readFile(join(dir, files[0] ?? ""), "utf8");
    expect(first).toContain(`List-Unsubscribe: ${UNSUBSCRIBE}`);
    expect(first).toContain("Message-ID: <invitation-1@bpc40.example.org>");
    expect(first).toMatch(/Content-Type: text\/calendar/);
  });
});

describe("listCaughtMail and readCaughtMail", () => {
  it("lists the messages newest first with decoded subjects", async () => {
    const mails = await listCaughtMail(dir);
    expect(mails.map((mail) => mail.subject)).toEqual(["Relance : convention à signer", INVITATION_SUBJECT]);
    expect(mails.map((mail) => mail.hasCalendar)).toEqual([false, true]);
    expect(mails[1]?.from).toContain("bpc40@landes.example.org");
    expect(mails[1]?.to).toContain("camille@example.org");
    expect(await listCaughtMail(dir, { limit: 1 })).toHaveLength(1);
    expect(await listCaughtMail(join(root, "absent"))).toEqual([]);
  });

  it("reads one message: text, html, Message-ID, List-Unsubscribe, iCalendar", async () => {
    const [, invitation] = await listCaughtMail(dir);
    const mail = await readCaughtMail(dir, invitation?.id ?? "");
    expect(mail?.messageId).toBe("<invitation-1@bpc40.example.org>");
    expect(mail?.listUnsubscribe).toBe(UNSUBSCRIBE);
    expect(mail?.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");
    expect(mail?.text).toContain("Rendez-vous le 3 juin à 18 h <salle des fêtes>.");
    expect(mail?.html).toContain("<b>Camille</b>");
    expect(mail?.calendar).toContain("UID:evenement-42@bpc40.example.org");
    expect(mail?.calendar).toContain("SUMMARY:Réunion d'été");
  });

  it("refuses ids that are not catcher file names", async () => {
    for (const id of ["../../etc/passwd", "..", "a/b", "20261128-170501-123-9f86d081/../x", ""]) {
      expect(await readCaughtMail(dir, id)).toBeNull();
    }
    expect(await readCaughtMail(dir, "20000101-000000-000-00000000")).toBeNull();
  });
});

describe("/dev/mail pages", () => {
  it("lists the messages in French with every value escaped", async () => {
    const response = await fetch(`${baseUrl}/dev/mail`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Invitation : réunion d&#39;été « Budget &#38; projets »");
    expect(html).not.toContain("Budget & projets");
    expect(html).toContain("Relance : convention à signer");
    expect(html).toContain("Camille Porteuse");
    expect(html.indexOf("Relance")).toBeLessThan(html.indexOf("réunion d&#39;été"));
  });

  it("shows one message: headers, text in a <pre>, HTML in a sandboxed iframe", async () => {
    const [, invitation] = await listCaughtMail(dir);
    const response = await fetch(`${baseUrl}/dev/mail/${invitation?.id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("&#60;invitation-1@bpc40.example.org&#62;");
    expect(html).toContain("<pre>Bonjour Camille,\nRendez-vous le 3 juin à 18 h &#60;salle des fêtes&#62;.</pre>");
    expect(html).toMatch(/<iframe sandbox srcdoc="[^"]*&#60;b&#62;Camille&#60;\/b&#62;[^"]*"/);
    expect(html).not.toContain("<b>Camille</b>");
    expect(html).toContain("UID:evenement-42@bpc40.example.org");
  });

  it("serves the raw .eml file", async () => {
    const [latest] = await listCaughtMail(dir);
    const response = await fetch(`${baseUrl}/dev/mail/${latest?.id}/eml`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("message/rfc822");
    expect(await response.text()).toContain("Message-ID: <relance-2@bpc40.example.org>");
  });

  it("answers 404 in French to an unknown or traversing id", async () => {
    for (const path of ["/dev/mail/..%2F..%2Fetc%2Fpasswd", "/dev/mail/20000101-000000-000-00000000"]) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("Message introuvable");
    }
  });
});
