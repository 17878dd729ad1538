import type { Db } from "../../prisma/create-db.ts";

/** Seeded agents (prisma/seed-data/agents.ts): Claire is an admin, Julien and Sophie agents, Nathalie a reader. */
export const SEEDED = {
  claire: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e01",
  julien: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e02",
  sophie: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e03",
  nathalie: "6f0c2a91-3b4d-4e8a-9c1f-0a2b3c4d5e06",
};

/**
 * Ideas put to the vote for the count's tests, on a seeded database: four of the 2024
 * edition (I2024-0001 and -0002 in Dax-1, -0003 in Seignanx, -0004 without canton) and
 * one of 2021 (I2021-0001), to be refused in a 2024 tally.
 */
export async function createVoteIdeas(db: Db): Promise<void> {
  const [e2024, e2021] = await Promise.all([
    db.edition.findUniqueOrThrow({ where: { year: 2024 } }),
    db.edition.findUniqueOrThrow({ where: { year: 2021 } }),
  ]);
  const dax = await db.canton.findFirstOrThrow({ where: { name: "Dax-1" } });
  const seignanx = await db.canton.findFirstOrThrow({ where: { name: "Seignanx" } });
  const base = { holderName: "Collectif des riders", contactEmail: "riders@exemple.fr", estimatedCents: 2_000_000 };
  const ideas = [
    { reference: "I2024-0001", title: "Pumptrack du bourg", editionId: e2024.id, cantonId: dax.id },
    { reference: "I2024-0002", title: "Boîtes à livres", editionId: e2024.id, cantonId: dax.id },
    { reference: "I2024-0003", title: "Jardin partagé", editionId: e2024.id, cantonId: seignanx.id },
    { reference: "I2024-0004", title: "Abri à vélos", editionId: e2024.id, cantonId: null },
    { reference: "I2021-0001", title: "Skatepark", editionId: e2021.id, cantonId: dax.id },
  ];
  for (const idea of ideas) await db.idea.create({ data: { ...base, ...idea } });
}

/** The seeded agent's id, for the domain's actor. */
export async function agentActor(db: Db, aadObjectId: string): Promise<{ agentId: number; name: string }> {
  const agent = await db.agent.findUniqueOrThrow({ where: { aadObjectId }, select: { id: true, name: true } });
  return { agentId: agent.id, name: agent.name };
}
