import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@chiso/source"] },
  test: {
    name: "report",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["../../vitest.setup.ts"],
    testTimeout: 30_000,
  },
});
