import { defineProject } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.js";

export default defineProject({
  ...sourceResolve,
  test: {
    name: "core",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["../../vitest.setup.ts"],
    // Property tests run thousands of cases: generous on a loaded machine, still bounded.
    testTimeout: 60_000,
  },
});
