import { defineProject } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.js";

export default defineProject({
  ...sourceResolve,
  test: {
    name: "cli",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["../../vitest.setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
