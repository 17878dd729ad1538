import type { DbTx } from "../../prisma/create-db.ts";
import type { InviteeGroup } from "../../prisma/generated/enums.ts";
import type { Config } from "../config/load-config.ts";

export interface Invitee {
  email: string;
  name: string | null;
  group: InviteeGroup;
}

export type ServiceAddresses = Pick<
  Config,
  "EVENT_CABINET_EMAIL" | "EVENT_COMMUNICATION_EMAIL" | "EVENT_SECRETARIAT_EMAIL" | "EVENT_PRESS_EMAIL"
>;

/**
 * Who an inauguration invites by default: the porteur, the canton's two councillors,
 * the commune's mayor, then the Département's services (Cabinet, Communication, the
 * elected officials' secretariat, the press), whose addresses are configuration.
 */
export async function defaultInvitees(db: DbTx, projectId: number, services: ServiceAddresses): Promise<Invitee[]> {
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      holder: { select: { name: true, contactName: true, email: true } },
      canton: { select: { officials: { select: { name: true, email: true }, orderBy: { name: "asc" } } } },
      commune: { select: { name: true, mayorName: true, mayorEmail: true } },
    },
  });
  const invitees: Invitee[] = [
    { email: project.holder.email, name: project.holder.contactName ?? project.holder.name, group: "HOLDER" },
    ...project.canton.officials.map((o) => ({ email: o.email, name: o.name, group: "COUNCILLOR" as const })),
  ];
  if (project.commune?.mayorEmail) {
    invitees.push({
      email: project.commune.mayorEmail,
      name: project.commune.mayorName ?? `Mairie de ${project.commune.name}`,
      group: "MAYOR",
    });
  }
  invitees.push(...serviceInvitees(services));
  return dedupeInvitees(invitees);
}

/**
 * The Département's services invited to every event (Cabinet, Communication, the
 * elected officials' secretariat, the press); for an event without a project
 * (public meeting, citizens' commission, counting) they are the default guests.
 */
export function serviceInvitees(services: ServiceAddresses): Invitee[] {
  return [
    { email: services.EVENT_CABINET_EMAIL, name: "Cabinet du Président", group: "CABINET" },
    { email: services.EVENT_COMMUNICATION_EMAIL, name: "Direction de la communication", group: "COMMUNICATION" },
    { email: services.EVENT_SECRETARIAT_EMAIL, name: "Secrétariat des élus", group: "SECRETARIAT" },
    { email: services.EVENT_PRESS_EMAIL, name: "Presse", group: "PRESS" },
  ];
}

/** One invitation per address (case ignored), the first group winning. */
export function dedupeInvitees(invitees: Invitee[]): Invitee[] {
  const seen = new Set<string>();
  return invitees.filter((i) => {
    const key = i.email.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
