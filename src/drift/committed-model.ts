/**
 * A committed compose file or manifest set that drift shows, resolved as `check` resolves it: the
 * report finds its secrets there, to hide them in the frames of drift's findings.
 */
import { lintableModel, resolveModel } from "../model/resolve/index.js";
import type { Model } from "../model/types.js";
import type { ConfigurationKind, Imported } from "./semantic.js";

export function committedModel(kind: ConfigurationKind, imported: Imported, file: string): Model | undefined {
  const lintable = lintableModel(resolveModel(imported.input, file, imported.locate));
  return lintable && { ...lintable, importFindings: imported.findings, readFrom: kind };
}
