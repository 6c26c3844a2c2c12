import { checkModel } from "../../src/check/index.js";
import type { Diagnostic } from "../../src/diagnostics.js";
import { loadManifestsAsModel } from "../../src/import/kubernetes/index.js";
import type { SeveritySetting } from "../../src/model/severity-settings.js";
import { folderWith } from "./files.js";
import { located } from "./positions.js";

/**
 * What one rule finds in manifests written as one file of a folder of their own, at `severity`
 * (to turn on a rule that is off unless asked for): the findings, and each as "rule@line:col", sorted.
 */
export async function manifestRuleFindings(
  lines: readonly string[],
  rule: string,
  severity?: SeveritySetting,
): Promise<{ found: Diagnostic[]; at: string[] }> {
  const loaded = await loadManifestsAsModel([folderWith({ "app.yaml": lines.join("\n") })]);
  const found = checkModel(loaded.model!, {
    sources: loaded.sources,
    ...(severity ? { severities: { [rule]: severity } } : {}),
  }).filter((d) => d.code === rule);
  return { found, at: located(found, loaded.sources).sort() };
}
