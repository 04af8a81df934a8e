import { cpSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vite";

/**
 * The sync server compiled at build time (`npm run build`), so production runs plain `node dist-server/main.js`
 * instead of compiling TypeScript on start with tsx. Packages stay external (they are installed beside it); the SQL
 * migrations are copied next to the bundle, where `runMigrations` looks for them.
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: "src/server/main.ts",
    outDir: "dist-server",
    emptyOutDir: true,
    target: "node20",
    sourcemap: true,
    minify: false,
    rolldownOptions: { output: { entryFileNames: "main.js" } },
  },
  plugins: [
    {
      name: "copy-migrations",
      writeBundle(options) {
        cpSync(resolve("src/server/migrations"), resolve(options.dir ?? "dist-server", "migrations"), { recursive: true });
      },
    },
  ],
});
