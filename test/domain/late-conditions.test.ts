import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProjectDetail } from "../../domain/projects/get-project-detail.ts";
import { lateProjectSql, lateProjectWhere } from "../../domain/projects/late-conditions.ts";
import { seed } from "../../prisma/seed.ts";
import { type FreshSchema, freshSchema } from "../support/fresh-schema.ts";

const NOW = new Date("2026-11-28T09:00:00Z");
let schema: FreshSchema;

beforeAll(async () => {
  schema = await freshSchema("late");
  await seed(schema.db, { now: NOW });
});
afterAll(async () => {
  await schema?.drop();
});

describe("late conditions (« en retard »)", () => {
  it.each(["2026-11-28T09:00:00Z", "2027-03-01T12:00:00Z"])(
    "the Prisma where, the SQL condition and the project card agree on %s",
    async (iso) => {
      const now = new Date(iso);
      const viaWhere = await schema.db.project.findMany({ where: lateProjectWhere(now), select: { reference: true } });
      const viaSql = await schema.db.$queryRaw<{ reference: string }[]>`
        SELECT p."reference" FROM "Project" p WHERE ${lateProjectSql(now)}`;
      const late = viaWhere.map((p) => p.reference).sort();
      expect(late.length).toBeGreaterThan(0);
      expect(viaSql.map((p) => p.reference).sort()).toEqual(late);
      const all = await schema.db.project.findMany({ select: { reference: true }, orderBy: { reference: "asc" } });
      const cardSaysLate: string[] = [];
      for (const { reference } of all) {
        if ((await getProjectDetail(schema.db, reference, now)).isLate) cardSaysLate.push(reference);
      }
      expect(cardSaysLate).toEqual(late);
    },
  );

  it("counts a convention late from the 16th Paris day after it was sent, not before", async () => {
    const agreement = await schema.db.agreement.findFirstOrThrow({
      where: { status: "SENT", project: { status: { notIn: ["CLOSED", "ABANDONED"] } } },
      select: { projectId: true, sentAt: true },
    });
    const sentAt = agreement.sentAt as Date;
    const isLate = async (now: Date) =>
      (await schema.db.project.count({ where: { AND: [{ id: agreement.projectId }, lateProjectWhere(now)] } })) > 0;
    const day = 86_400_000;
    // Other reasons (a past planned payment, a bilan) could make it late already; only the agreement's turn is checked.
    const before = await isLate(new Date(sentAt.getTime() + 14 * day));
    expect(await isLate(new Date(sentAt.getTime() + 16 * day + 3_600_000))).toBe(true);
    if (!before) expect(await isLate(new Date(sentAt.getTime() + 15 * day - 3_600_000))).toBe(false);
  });
});
