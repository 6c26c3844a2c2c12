/**
 * Everything `deployview check` reports about a loaded model: the lint rules, which include each
 * node's budget and capacity and what would keep an environment's configuration from starting.
 */
import type { Diagnostic } from "../diagnostics.js";
import type { Model } from "../model/types.js";
import { type LintOptions, lint } from "../rules/index.js";

export function checkModel(model: Model, options: LintOptions = {}): Diagnostic[] {
  return lint(model, options);
}
