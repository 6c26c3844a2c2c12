import { defineConfig } from "vitest/config";

// Tests that time what they measure (the viewer's edit-to-reload, a document's render, inputs of
// tens of thousands of services) run after the others, one file at a time: on a machine of two
// cores, the rest of the suite would otherwise share it with them and decide their timings.
const timed = ["test/serve/browser.test.ts", "test/docs/golden.test.ts", "test/analyze/large-inputs.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    globalSetup: ["test/global-setup.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "tests",
          include: ["test/**/*.test.ts", "src/**/*.test.ts"],
          exclude: timed,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: "timed", include: timed, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
