import type { Db } from "../../prisma/create-db.ts";
import { AGENT_USER } from "./teams-activity.ts";

/** Makes the test user (`AGENT_USER`) an active agent of the schema. */
export async function seedTestAgent(db: Db): Promise<void> {
  await db.agent.upsert({
    where: { aadObjectId: AGENT_USER.aadObjectId },
    create: { aadObjectId: AGENT_USER.aadObjectId, name: AGENT_USER.name, role: "AGENT" },
    update: { role: "AGENT", active: true },
  });
}
