/**
 * Everything `deployview check` reports about a loaded model: the lint rules, which include each
 * node's budget and capacity and what would keep an environment's configuration from starting.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { LoadResult } from "../load/index.js";
import type { Model } from "../model/types.js";
import { type Linted, type LintOptions, lint, lintWithSecrets } from "../rules/index.js";

export function checkModel(model: Model, options: LintOptions = {}): Diagnostic[] {
  return lint(model, options);
}

/**
 * What the rules find in a model as it was loaded, with the files it read and those it read whole,
 * and the secrets found there, for a report to hide whether or not their findings are reported.
 */
export function checkLoadedModel(
  model: Model,
  loaded: Pick<LoadResult, "sources" | "wholeFiles">,
  severities?: LintOptions["severities"],
): Linted {
  return lintWithSecrets(model, {
    sources: loaded.sources,
    ...(severities ? { severities } : {}),
    ...(loaded.wholeFiles ? { wholeFiles: loaded.wholeFiles } : {}),
  });
}
