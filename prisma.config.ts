import { defineConfig } from "prisma/config";

// No datasource here: the Prisma CLI is used only to generate the client. Migrations are applied
// by scripts/migrate.ts (the CLI's migrate engine is a native download our machines cannot reach).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
