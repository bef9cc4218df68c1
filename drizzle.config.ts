import { defineConfig } from 'drizzle-kit'

// SQL migrations are generated from the schema and committed; they are append-only.
export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/main/db/schema.ts',
  out: './migrations',
})
