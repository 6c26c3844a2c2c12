/** What `compose` and `k8s` share: pick an environment, emit its configuration, write it where the model says. */
import { dirname, join, relative, resolve, sep } from "node:path";
import { type Diagnostic, hasErrors } from "../diagnostics.js";
import type { GeneratedFile } from "../emit/generated-file.js";
import type { Model } from "../model/types.js";
import { writeGeneratedFiles } from "../output/write-files.js";
import { formatDiagnostics } from "../report/index.js";
import { type Command, ExitCode, type OptionSpec } from "./command.js";
import { loadForOutput } from "./model-argument.js";

export interface EnvironmentOutput {
  name: string;
  summary: string;
  /** What the folder default is called in help, e.g. "outputs.kubernetes". */
  outputsKey: string;
  /** `folder`: where the files go, relative to the model's folder, for paths written in them. */
  emit(
    model: Model,
    environment: string,
    folder: string,
  ): { files: GeneratedFile[]; diagnostics: Diagnostic[] };
  /** The folder (relative to the model) the model's outputs section names for this environment, if any. */
  folder(model: Model, environment: string): string | undefined;
}

export function environmentOutputCommand(output: EnvironmentOutput): Command {
  const options: Record<string, OptionSpec> = {
    env: { type: "string", value: "ENV", description: "The environment (required)" },
    out: {
      type: "string",
      value: "DIR",
      description: `Folder to write to (default: the folder ${output.outputsKey} names, else deploy/ENV/)`,
    },
    force: { type: "boolean", description: "Overwrite files that deployview did not generate" },
  };
  return {
    name: output.name,
    summary: output.summary,
    usage: `deployview ${output.name} [model] --env ENV [--out dir] [--force]`,
    maxPositionals: 1,
    options,
    async run({ positionals, options: values }, io) {
      const environment = values.env;
      if (typeof environment !== "string") {
        io.stderr.write(`deployview ${output.name}: --env is required\n`);
        return ExitCode.unusable;
      }
      const loaded = await loadForOutput(io, positionals[0]);
      if (!loaded.model) return ExitCode.unusable;
      const report = (diagnostics: Diagnostic[], sources: ReadonlyMap<string, string>) =>
        io.stderr.write(
          formatDiagnostics(diagnostics, sources, "text", {
            color: io.color,
            cwd: io.cwd,
            secrets: loaded.secrets(),
          }),
        );
      const outDir =
        typeof values.out === "string"
          ? resolve(io.cwd, values.out)
          : join(dirname(loaded.path), output.folder(loaded.model, environment) ?? `deploy/${environment}`);
      const folder =
        relative(dirname(resolve(io.cwd, loaded.path)), outDir)
          .split(sep)
          .join("/") || ".";
      const result = output.emit(loaded.model, environment, folder);
      if (result.diagnostics.length > 0) report(result.diagnostics, loaded.sources);
      if (hasErrors(result.diagnostics)) return ExitCode.unusable;
      const written = await writeGeneratedFiles(outDir, result.files, { force: values.force === true });
      if (written.diagnostics.length > 0) {
        report(written.diagnostics, new Map());
        return ExitCode.unusable;
      }
      for (const file of [...written.written, ...written.unchanged])
        io.stdout.write(`${relative(io.cwd, file)}\n`);
      return ExitCode.ok;
    },
  };
}
