/** Reading a model file: YAML with positions → schema validation → resolution. Never throws on user input. */
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { COMPOSE_NAME } from "../model/container-name.js";
import { resolveModel } from "../model/resolve/index.js";
import type { Model } from "../model/types.js";
import { limits, tooManyMessage } from "./limits.js";
import { readTextFile } from "./text-file.js";
import { validateModelInput } from "./validate-model.js";
import { locate, parseYaml } from "./yaml-file.js";

export interface LoadResult {
  model: Model | undefined;
  diagnostics: Diagnostic[];
  /** File → text, so reporters can turn offsets into line:column and show code frames. */
  sources: Map<string, string>;
  /**
   * The files the model holds all of, so the rules see everything they could find in them: a
   * suppression comment there that suppresses nothing is unused for certain. A file that only
   * part of is read (a compose file another overrides, a kustomize base) is not among them.
   */
  wholeFiles?: string[];
  /**
   * Set where no model was to be made of what was read, and none is missing: a Helm chart, whose
   * templates deployview does not render, says so with a finding and is no input it cannot use.
   */
  nothingToCheck?: true;
}

export function loadModelText(text: string, file: string): LoadResult {
  const sources = new Map([[file, text]]);
  const parsed = parseYaml(text, file);
  const document = parsed.documents[0];
  if (parsed.diagnostics.length === 0 && !document) {
    const empty = diagnostic(
      "schema-wrong-type",
      "error",
      "the file is empty; a model needs system, services and environments",
      { file },
    );
    return { model: undefined, diagnostics: [empty], sources };
  }
  if (parsed.diagnostics.length > 0 || !document || document.value === undefined) {
    return { model: undefined, diagnostics: parsed.diagnostics, sources };
  }
  const where = (path: (string | number)[], prefer?: "key" | "value") => locate(document, path, prefer);
  if (document.value === null || typeof document.value !== "object" || Array.isArray(document.value)) {
    const problem = diagnostic(
      "schema-wrong-type",
      "error",
      "a model must be a mapping with system, services and environments",
      where([]),
    );
    return { model: undefined, diagnostics: [problem], sources };
  }
  const { services } = document.value as { services?: unknown };
  const count = services !== null && typeof services === "object" ? Object.keys(services).length : 0;
  if (count > limits.maxServices) {
    const problem = diagnostic(
      "file-too-large",
      "error",
      tooManyMessage(count, "services"),
      where(["services"], "key"),
    );
    return { model: undefined, diagnostics: [problem], sources };
  }
  const validated = validateModelInput(document.value, where);
  if (!validated.input) return { model: undefined, diagnostics: validated.diagnostics, sources };
  const resolved = resolveModel(validated.input, file, where);
  const refused = serviceNamesComposeRefuses(resolved.draft);
  return {
    model: refused.length > 0 ? undefined : resolved.model,
    diagnostics: [...resolved.diagnostics, ...refused],
    sources,
    wholeFiles: [file],
  };
}

/**
 * Instances of compose environments whose names Compose takes for no service: the compose file
 * names each service after its instance. (The compose importer refuses such a name where a compose
 * file writes it.)
 */
function serviceNamesComposeRefuses(model: Model): Diagnostic[] {
  return model.environments
    .filter((e) => e.platform === "compose")
    .flatMap((e) => e.instances.filter((i) => !COMPOSE_NAME.test(i.id)))
    .map((i) =>
      diagnostic(
        "runtime-refused",
        "error",
        `'${i.id}' is not a name Compose takes for one of its services`,
        i.at,
        {
          hint: "name the instance with letters, digits, '.', '_' and '-', and the service it runs with `service:`",
        },
      ),
    );
}

/** What to do about a model that is not there. */
const MISSING_MODEL_HINT =
  "check the path; deployview check reads deployview.yaml where it runs, and deployview init writes a first one";

export async function loadModelFile(file: string): Promise<LoadResult> {
  const text = readTextFile(file, {
    missing: MISSING_MODEL_HINT,
    notFile: "name a model file, a compose file or a folder",
  });
  if (typeof text !== "string")
    return { model: undefined, diagnostics: [text], sources: new Map([[file, ""]]) };
  // Outside the reading: a fault of the loader's own is not the file's, and must not be told as one.
  return loadModelText(text, file);
}
