import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// One temporary folder for the run: the workers make theirs inside it (TMPDIR), and the global
// set-up removes it when the run ends (test/global-setup.ts), where thousands were left behind.
// Named by the process, as the config may be read more than once in it.
const scratch = process.env.DEPLOYVIEW_TEST_SCRATCH ?? join(tmpdir(), `deployview-tests-${process.pid}`);
process.env.DEPLOYVIEW_TEST_SCRATCH = scratch;
mkdirSync(scratch, { recursive: true });

// Tests that time what they measure (the viewer's edit-to-reload, a document's render, inputs of
// tens of thousands of services) run after the others, one file at a time: on a machine of two
// cores, the rest of the suite would otherwise share it with them and decide their timings.
const timed = ["test/serve/browser.test.ts", "test/docs/golden.test.ts", "test/analyze/large-inputs.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    env: { TMPDIR: scratch },
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
