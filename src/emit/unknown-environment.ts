import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { suggestion } from "../model/suggest.js";
import type { Model } from "../model/types.js";

/** An --env the model has no environment for: said where the model's environments are, with the ones it has. */
export function unknownEnvironment(model: Model, id: string): Diagnostic {
  const environments = model.environments.map((e) => e.id);
  return diagnostic(
    "unknown-environment",
    "error",
    `no environment named '${id}'`,
    model.environments[0]?.at ?? model.system.at,
    {
      hint: suggestion(id, environments, "environment"),
    },
  );
}
