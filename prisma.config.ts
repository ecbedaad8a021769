import { defineConfig } from "prisma/config";

// Migrations are applied by scripts/db/migrate.ts (WebAssembly schema engine, works offline).
// This file only tells `prisma generate` where the schema is.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
