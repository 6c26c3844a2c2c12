/**
 * Reading compose files as a model: parse (with the same limits as models), interpolate variables
 * from `.env` and the process environment, merge several files as Compose does, convert, resolve.
 */
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import type { LoadResult } from "../../load/index.js";
import { limits } from "../../load/limits.js";
import { parseYaml } from "../../load/yaml-file.js";
import { resolveModel } from "../../model/resolve/index.js";
import { interpolate, parseDotEnv } from "./interpolate.js";
import { type ComposeSource, composeToModel, type ImportedCompose } from "./to-model.js";
import { configVariables } from "./variables.js";

type Json = Record<string, unknown>;

/** Interpolates every string in a parsed compose value, collecting what was unset. */
function interpolateAll(
  value: unknown,
  env: Record<string, string>,
  unset: Set<string>,
  missing: Map<string, string>,
): unknown {
  if (typeof value === "string") {
    const result = interpolate(value, env);
    for (const name of result.unset) unset.add(name);
    for (const m of result.missing) missing.set(m.name, m.message);
    return result.value;
  }
  if (Array.isArray(value)) return value.map((item) => interpolateAll(item, env, unset, missing));
  if (value && typeof value === "object") {
    const out: Json = Object.create(null);
    for (const [key, item] of Object.entries(value)) out[key] = interpolateAll(item, env, unset, missing);
    return { ...out };
  }
  return value;
}

async function readText(file: string): Promise<string | Diagnostic> {
  try {
    const info = await stat(file);
    if (info.size > limits.maxFileBytes)
      return diagnostic("file-too-large", "error", "the file is larger than deployview reads", {
        file,
        start: 0,
        end: 0,
      });
    return await readFile(file, "utf8");
  } catch {
    return diagnostic("file-unreadable", "error", "cannot read the file", { file, start: 0, end: 0 });
  }
}

export interface ComposeImport {
  /** Model input and where each path came from; undefined when no file could be read. */
  imported: ImportedCompose | undefined;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
}

/** Reads one or more compose files (later ones override earlier ones) into model input. */
export async function importCompose(
  files: string[],
  options: {
    env?: Record<string, string>;
    /** Values used when neither .env nor `env` sets a variable (init takes them from .env.example). */
    defaults?: Record<string, string>;
    name?: string;
    environment?: string;
  } = {},
): Promise<ComposeImport> {
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const dotEnvPath = join(dirname(files[0]!), ".env");
  const dotEnvText = await readText(dotEnvPath);
  const env: Record<string, string> = {
    ...options.defaults,
    ...(typeof dotEnvText === "string" ? parseDotEnv(dotEnvText) : {}),
    ...options.env,
  };
  const composeSources: ComposeSource[] = [];
  for (const file of files) {
    const text = await readText(file);
    if (typeof text !== "string") {
      diagnostics.push(text);
      continue;
    }
    sources.set(file, text);
    const parsed = parseYaml(text, file, { merge: true });
    diagnostics.push(...parsed.diagnostics);
    const yaml = parsed.documents[0];
    if (!yaml || yaml.value === undefined) continue;
    if (yaml.value === null || typeof yaml.value !== "object" || Array.isArray(yaml.value)) {
      diagnostics.push(
        diagnostic("schema-wrong-type", "error", "a compose file must be a mapping", {
          file,
          start: 0,
          end: 0,
        }),
      );
      continue;
    }
    const unset = new Set<string>();
    const missing = new Map<string, string>();
    const value = interpolateAll(yaml.value, env, unset, missing) as Json;
    for (const name of [...unset].sort()) {
      diagnostics.push(
        diagnostic(
          "compose-unset-variable",
          "warning",
          `the variable ${name} is not set and has no default`,
          { file, start: 0, end: 0 },
          {
            hint: `set it in ${basename(dotEnvPath)} or the environment`,
          },
        ),
      );
    }
    for (const [name, message] of missing) {
      diagnostics.push(
        diagnostic("compose-required-variable", "warning", `the variable ${name} is required: ${message}`, {
          file,
          start: 0,
          end: 0,
        }),
      );
    }
    composeSources.push({ yaml, value });
  }
  if (composeSources.length === 0) return { imported: undefined, diagnostics, sources };
  const name = options.name ?? (basename(dirname(files[0]!)) || "compose");
  const imported = composeToModel(name, composeSources, options.environment ?? "compose");
  diagnostics.push(...imported.diagnostics);
  return { imported, diagnostics, sources };
}

/** Loads one or more compose files (later ones override earlier ones) as a resolved model. */
export async function loadComposeAsModel(
  files: string[],
  options: { env?: Record<string, string> } = {},
): Promise<LoadResult> {
  const { imported, diagnostics, sources } = await importCompose(files, options);
  if (!imported) return { model: undefined, diagnostics, sources };
  const resolved = resolveModel(imported.input, files[0]!, imported.locate);
  const model = resolved.model ? { ...resolved.model, variables: configVariables(sources) } : undefined;
  return { model, diagnostics: [...diagnostics, ...resolved.diagnostics], sources };
}
