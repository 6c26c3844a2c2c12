/**
 * Turns validated model input into the resolved Model: short forms expanded, references linked
 * and checked, every element located. Importers call this too, with a `locate` into their files.
 */
import type { Diagnostic } from "../../diagnostics.js";
import type { ModelInputType } from "../schema.js";
import type { SeveritySetting } from "../severity-settings.js";
import { budgeted } from "../suggest.js";
import type { Model } from "../types.js";
import { entriesOf, type Locate, type ResolveContext } from "./context.js";
import { checkLinks, resolveEnvironment } from "./environments.js";
import { lazyLocate } from "./lazy-range.js";
import { resolveServices } from "./services.js";
import { mergedByPlace } from "./shared-places.js";
import { resolveDocumentMeta, resolveGroups, resolveSecrets, resolveSystem } from "./system.js";

/** Candidates compared for "did you mean" in one resolution: a second or so, at worst. */
const SUGGESTION_COMPARISONS = 2_000_000;

export type { KeyPath, Locate } from "./context.js";

export function resolveModel(
  input: ModelInputType,
  file: string,
  locate: Locate,
): {
  model: Model | undefined;
  diagnostics: Diagnostic[];
  /** The model as resolved, errors and all: see lintableModel. */
  draft: Model;
} {
  const context: ResolveContext = {
    file,
    locate: lazyLocate(locate),
    diagnostics: [],
    suggest: budgeted(SUGGESTION_COMPARISONS),
  };
  const services = resolveServices(context, input);
  const environments = entriesOf(input.environments).map(([id, environment]) =>
    resolveEnvironment(context, input, services, id, environment),
  );
  checkLinks(context, environments);
  const model: Model = {
    file,
    document: resolveDocumentMeta(input),
    system: resolveSystem(context, input),
    groups: resolveGroups(context, input),
    secrets: resolveSecrets(context, input),
    services: [...services.values()],
    environments,
    outputs: {
      ...(input.outputs?.docs ? { docs: input.outputs.docs } : {}),
      compose: entriesOf(input.outputs?.compose).map(([environment, path]) => ({ environment, path })),
      kubernetes: entriesOf(input.outputs?.kubernetes).map(([environment, path]) => ({ environment, path })),
    },
    lint: {
      rules: { ...(input.lint?.rules ?? {}) } as Record<string, SeveritySetting>,
      at: Object.fromEntries(
        Object.keys(input.lint?.rules ?? {}).map((id) => [id, locate(["lint", "rules", id], "key")]),
      ),
    },
  };
  const unusable = context.diagnostics.some((d) => d.severity === "error");
  return {
    model: unusable ? undefined : model,
    diagnostics: mergedByPlace(context.diagnostics),
    draft: model,
  };
}

/**
 * Errors about a value alone (a request above its limit, a capability Linux does not have, a
 * schedule cron cannot read): every element is there all the same.
 */
export const VALUE_ERRORS: ReadonlySet<string> = new Set([
  "invalid-range",
  "invalid-quantity",
  "invalid-schedule",
  "runtime-refused",
]);

/**
 * The model to lint where a model is read from configuration the user already runs (compose
 * files, manifests): one whose only errors are values out of range is linted all the same, so one
 * such error does not hide every other finding. A model file is held to its errors.
 */
export function lintableModel(resolved: ReturnType<typeof resolveModel>): Model | undefined {
  if (resolved.model) return resolved.model;
  const errors = resolved.diagnostics.filter((d) => d.severity === "error");
  return errors.every((d) => VALUE_ERRORS.has(d.code)) ? resolved.draft : undefined;
}
