/** What several commands share: finding the model file from an argument, loading it, printing problems. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Diagnostic, hasErrors } from "../diagnostics.js";
import { type LoadResult, loadModelFile } from "../load/index.js";
import { formatDiagnostics } from "../report/index.js";
import { secretsFound } from "../rules/secrets-found.js";
import { modelPath } from "./arguments.js";
import type { CliIo } from "./command.js";

export { DEFAULT_MODEL, modelPath, parseFormat } from "./arguments.js";

/**
 * Loads the model and prints its diagnostics to stderr (text) — for commands whose stdout is
 * their output. Returns undefined when the model is unusable; with the secrets the model writes,
 * for what the command reports later to hide.
 */
export async function loadForOutput(
  io: CliIo,
  argument: string | undefined,
): Promise<LoadResult & { path: string; secrets: () => Diagnostic[] }> {
  const path = modelPath(io, argument);
  const loaded = await loadModelFile(path);
  // No rule runs here, but a frame of what is reported may show a secret's line all the same:
  // the secret rules run for it once, and only where something is reported.
  let found: Diagnostic[] | undefined;
  const secrets = () => {
    found ??= loaded.model ? secretsFound(loaded.model, loaded.sources) : [];
    return found;
  };
  if (loaded.diagnostics.length > 0) {
    io.stderr.write(
      formatDiagnostics(loaded.diagnostics, loaded.sources, "text", {
        color: io.color,
        cwd: io.cwd,
        secrets: secrets(),
      }),
    );
  }
  return { ...loaded, path, secrets };
}

export { hasErrors };

/** Reads files as they are now, relative to a folder; undefined for a file that is not there. */
export function readBeside(folder: string): (path: string) => string | undefined {
  return (path) => {
    try {
      return readFileSync(join(folder, path), "utf8");
    } catch {
      return undefined;
    }
  };
}
