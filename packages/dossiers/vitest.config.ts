import { defineProject } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.js";

export default defineProject({
  ...sourceResolve,
  test: {
    name: "dossiers",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["../../vitest.setup.ts"],
    testTimeout: 60_000,
  },
});
