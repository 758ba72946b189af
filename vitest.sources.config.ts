import { defineConfig } from "vitest/config";

// Checks against the source documents beside the project (../shared): CI runs them; a bare clone has none.
export default defineConfig({
  test: {
    include: ["checks/**/*.test.ts"],
  },
});
