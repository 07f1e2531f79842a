import { defineProject } from "vitest/config";
import { sourceResolve } from "../../vitest.shared.js";

// Browser tests drive the built viewer through the built `chiso serve` (pnpm test builds first) in
// Debian's chromium; timeouts hold on a loaded machine.
export default defineProject({
  ...sourceResolve,
  test: {
    name: "web",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["../../vitest.setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Chromium and the server are heavy on a 2-core machine: run after the other projects, so their
    // timing-sensitive tests (the io fuzz test) are not starved by them.
    sequence: { groupOrder: 1 },
  },
});
