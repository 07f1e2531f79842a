import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@chiso/source"] },
  test: {
    name: "cli",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["../../vitest.setup.ts"],
    testTimeout: 120_000,
  },
});
