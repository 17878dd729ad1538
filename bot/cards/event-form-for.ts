import type { Config } from "../../domain/config/load-config.ts";
import { DomainError } from "../../domain/errors/domain-error.ts";
import { defaultInvitees, serviceInvitees } from "../../domain/events/default-invitees.ts";
import { listRooms } from "../../domain/events/list-rooms.ts";
import type { Db } from "../../prisma/create-db.ts";
import { buildEventFormCard } from "./event-form-card.ts";

/**
 * Reads what the event form shows (the rooms, the project's default invitees, or the
 * Département's services for an event without a project)
 * and builds it; `values`/`problems` refill it after a refusal. PROJECT_NOT_FOUND
 * for an unknown reference.
 */
export async function eventFormFor(
  db: Db,
  config: Config,
  reference: string | null,
  again?: { values: Record<string, string>; problems: readonly string[] },
): Promise<Record<string, unknown>> {
  if (!reference) {
    const rooms = await listRooms(db);
    return buildEventFormCard({
      reference: null,
      projectTitle: null,
      rooms,
      invitees: serviceInvitees(config),
      ...again,
    });
  }
  const project = await db.project.findUnique({ where: { reference }, select: { id: true, title: true } });
  if (!project) throw new DomainError("PROJECT_NOT_FOUND", { reference });
  const [rooms, invitees] = await Promise.all([listRooms(db), defaultInvitees(db, project.id, config)]);
  return buildEventFormCard({ reference, projectTitle: project.title, rooms, invitees, ...again });
}
