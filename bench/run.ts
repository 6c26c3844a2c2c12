/**
 * `npm run bench`: timings on these shared machines are noisy, so each figure is set against a
 * reference measured in the same run on the same input, and the ratio is printed beside it.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const suites = readdirSync(here)
  .filter((name) => name.endsWith(".bench.ts"))
  .sort();
for (const suite of suites) {
  console.log(`\n## ${suite.replace(/\.bench\.ts$/, "")}`);
  await import(`./${suite}`);
}
