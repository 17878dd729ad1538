import type { DbTx } from "../create-db.ts";
import type { EventSeed } from "./build-events.ts";
import { type HolderSeed, holderKey } from "./build-holder.ts";
import type { ProjectPlan } from "./demo-data.ts";
import type { FollowUpSeed } from "./follow-up-types.ts";
import type { SeedCounts } from "./seed-counts.ts";
import { idOf, type ReferenceIds } from "./write-reference-data.ts";

interface ExistingProject {
  id: number;
  _count: { agreements: number; payments: number; invoices: number; events: number };
}

/**
 * Writes projects and their follow-up. A project is created when its reference is
 * absent; then each kind of follow-up row (conventions, payments, invoices, events) is
 * created only if the project has none of that kind yet. Rows without a natural key are
 * thus never duplicated, and nothing an agent entered or edited is touched.
 */
export async function writeProjects(
  db: DbTx,
  plans: readonly ProjectPlan[],
  ids: ReferenceIds,
  counts: SeedCounts,
): Promise<void> {
  const existing = new Map<string, ExistingProject>(
    (
      await db.project.findMany({
        where: { reference: { in: plans.map((p) => p.project.reference) } },
        select: {
          id: true,
          reference: true,
          _count: { select: { agreements: true, payments: true, invoices: true, events: true } },
        },
      })
    ).map(({ reference, ...row }) => [reference, row]),
  );
  const holderIds = await knownHolders(
    db,
    plans.map((p) => p.project.holder),
  );
  const takenUids = await knownUids(
    db,
    plans.flatMap((p) => p.events),
  );
  for (const plan of plans) {
    const row = existing.get(plan.project.reference) ?? (await createProject(db, plan, ids, holderIds, counts));
    await writeFollowUp(db, row, plan.followUp, ids, counts);
    if (row._count.events === 0) {
      const events = plan.events.filter((e) => !takenUids.has(e.uid));
      await writeEvents(db, events, ids, counts, row.id);
    }
  }
}

async function createProject(
  db: DbTx,
  { project, followUp }: ProjectPlan,
  ids: ReferenceIds,
  holderIds: Map<string, number>,
  counts: SeedCounts,
): Promise<ExistingProject> {
  const key = holderKey(project.holder);
  let holderId = holderIds.get(key);
  if (holderId === undefined) {
    holderId = (await db.holder.create({ data: project.holder, select: { id: true } })).id;
    holderIds.set(key, holderId);
    counts.holders++;
  }
  const editionId = idOf(ids.editionId, project.year);
  const cantonId = idOf(ids.cantonId, project.canton.slug);
  const { id } = await db.project.create({
    data: {
      reference: project.reference,
      editionId,
      number: project.number,
      title: project.title,
      description: project.description,
      themeId: idOf(ids.themeId, `${editionId}|${project.themeName}`),
      communeId: idOf(ids.communeId, `${cantonId}|${project.commune.name}`),
      cantonId,
      holderId,
      followedById: project.followerAad ? idOf(ids.agentId, project.followerAad) : null,
      isYouth: project.isYouth,
      votes: project.votes,
      awardedCents: project.awardedCents,
      status: project.status,
      ...followUp.dates,
    },
    select: { id: true },
  });
  counts.projects++;
  return { id, _count: { agreements: 0, payments: 0, invoices: 0, events: 0 } };
}

async function writeFollowUp(
  db: DbTx,
  row: ExistingProject,
  followUp: FollowUpSeed,
  ids: ReferenceIds,
  counts: SeedCounts,
): Promise<void> {
  const projectId = row.id;
  if (row._count.agreements === 0) {
    for (const agreement of followUp.agreements) await db.agreement.create({ data: { ...agreement, projectId } });
    counts.agreements += followUp.agreements.length;
  }
  if (row._count.payments === 0 && followUp.payments.length > 0) {
    const agreements = await db.agreement.findMany({ where: { projectId }, select: { id: true, reference: true } });
    const agreementId = new Map(agreements.map((a) => [a.reference, a.id]));
    counts.payments += (
      await db.payment.createMany({
        data: followUp.payments.map(({ agreementReference, recordedByAad, ...payment }) => ({
          ...payment,
          projectId,
          agreementId: agreementReference ? (agreementId.get(agreementReference) ?? null) : null,
          recordedById: recordedByAad ? idOf(ids.agentId, recordedByAad) : null,
        })),
      })
    ).count;
  }
  if (row._count.invoices === 0) {
    for (const { checks, ...invoice } of followUp.invoices) {
      await db.invoice.create({
        data: {
          ...invoice,
          projectId,
          checks: {
            create: checks.map(({ checkedByAad, ...check }) => ({
              ...check,
              checkedById: idOf(ids.agentId, checkedByAad),
            })),
          },
        },
      });
      counts.invoices++;
      counts.invoiceChecks += checks.length;
    }
  }
}

/** Events with their invitations; `projectId` null for campaign events. */
export async function writeEvents(
  db: DbTx,
  events: readonly EventSeed[],
  ids: ReferenceIds,
  counts: SeedCounts,
  projectId: number | null,
): Promise<void> {
  for (const { roomKey, organizerAad, invitations, ...event } of events) {
    await db.event.create({
      data: {
        ...event,
        projectId,
        roomId: roomKey ? idOf(ids.roomId, roomKey) : null,
        organizerId: organizerAad ? idOf(ids.agentId, organizerAad) : null,
        invitations: { create: invitations },
      },
    });
    counts.events++;
    counts.invitations += invitations.length;
  }
}

async function knownHolders(db: DbTx, holders: readonly HolderSeed[]): Promise<Map<string, number>> {
  const rows = await db.holder.findMany({
    where: { email: { in: [...new Set(holders.map((h) => h.email))] } },
    select: { id: true, kind: true, name: true, email: true },
    orderBy: { id: "asc" },
  });
  const ids = new Map<string, number>();
  for (const row of rows) if (!ids.has(holderKey(row))) ids.set(holderKey(row), row.id);
  return ids;
}

export async function knownUids(db: DbTx, events: readonly EventSeed[]): Promise<Set<string>> {
  const rows = await db.event.findMany({ where: { uid: { in: events.map((e) => e.uid) } }, select: { uid: true } });
  return new Set(rows.map((r) => r.uid));
}
