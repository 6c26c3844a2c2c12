import { rmSync } from "node:fs";
import { generate } from "../scripts/generate.js";

/**
 * The validator is derived from the schema and not committed; derive it before any test imports the
 * loader. Committed derived files (the JSON Schema, the model reference, the rule pages) are left
 * alone, so the tests that compare them with their sources can fail.
 *
 * When the run ends, the temporary folder its workers made theirs in (vitest.config.ts) is removed.
 */
export default function setup(): () => void {
  generate((path) => path.endsWith(".generated.js"));
  const scratch = process.env.DEPLOYVIEW_TEST_SCRATCH;
  return () => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
}
