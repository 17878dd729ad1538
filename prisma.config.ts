import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only (`prisma generate`). Runtime connections go through
// the pg driver adapter built in prisma/create-db.ts; migrations are applied by
// scripts/migrate.ts (see README, "Décisions").
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
