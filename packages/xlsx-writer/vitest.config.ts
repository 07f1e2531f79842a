import { defineProject } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.js";

export default defineProject({
  ...sourceResolve,
  test: {
    name: "xlsx-writer",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["../../vitest.setup.ts"],
    testTimeout: 30_000,
  },
});
