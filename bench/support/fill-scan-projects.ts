import type pg from "pg";
import { makeProjects } from "./make-projects.ts";

/**
 * Fills the current schema (the client's search_path) up to `total` projects that owe
 * nothing at `now`: for each new project a signed convention, an advance paid ten days
 * ago, a compliant invoice, a bilan due in ten years, and one held event per ten
 * projects. The reminder scans must then find exactly the seed's due items, whatever
 * the size. Returns the number of projects.
 */
export async function fillScanProjects(client: pg.Client, total: number, now: Date): Promise<number> {
  const before = Number((await client.query(`SELECT coalesce(max("id"), 0) AS id FROM "Project"`)).rows[0].id);
  const count = await makeProjects(client, total);
  const day = 86_400_000;
  const at = (days: number) => new Date(now.getTime() + days * day);
  await client.query(`UPDATE "Project" SET "reportDueAt" = $2 WHERE "id" > $1`, [before, at(3650)]);
  await client.query(
    `INSERT INTO "Agreement" ("projectId", "reference", "amountCents", "status", "sentAt", "holderSignedAt",
                              "departmentSignedAt", "updatedAt")
     SELECT "id", 'MES-' || "id", "awardedCents", 'SIGNED', $2, $3, $3, now() FROM "Project" WHERE "id" > $1`,
    [before, at(-400), at(-390)],
  );
  await client.query(
    `INSERT INTO "Payment" ("projectId", "agreementId", "kind", "amountCents", "status", "plannedAt", "sentAt", "updatedAt")
     SELECT a."projectId", a."id", 'ADVANCE', a."amountCents" / 2, 'SENT', $2, $3, now()
     FROM "Agreement" a WHERE a."projectId" > $1`,
    [before, at(-12), at(-10)],
  );
  await client.query(
    `INSERT INTO "Invoice" ("projectId", "supplier", "supplierKey", "number", "issuedOn", "amountCents", "updatedAt")
     SELECT "id", 'Fournisseur de mesure', 'fournisseur de mesure', 'F-' || "id", $2::date, "awardedCents" / 2, now()
     FROM "Project" WHERE "id" > $1`,
    [before, at(-8)],
  );
  await client.query(
    `INSERT INTO "InvoiceCheck" ("invoiceId", "eligibleCents", "outcome", "checkedAt")
     SELECT i."id", i."amountCents", 'COMPLIANT', $2 FROM "Invoice" i WHERE i."projectId" > $1`,
    [before, at(-5)],
  );
  await client.query(
    `INSERT INTO "Event" ("uid", "kind", "projectId", "title", "startsAt", "endsAt", "status", "updatedAt")
     SELECT 'mesure-' || "id", 'INAUGURATION', "id", 'Inauguration ' || "reference", $2, $3, 'HELD', now()
     FROM "Project" WHERE "id" > $1 AND "id" % 10 = 0`,
    [before, at(-100), new Date(at(-100).getTime() + 7_200_000)],
  );
  await client.query(`ANALYZE`);
  return count;
}
