import { hasErrors, sortDiagnostics } from "../diagnostics.js";
import { detectDrift } from "../drift/index.js";
import { loadModelFile } from "../load/index.js";
import { formatDiagnostics } from "../report/index.js";
import { rules } from "../rules/index.js";
import { secretsFound } from "../rules/secrets-found.js";
import { VERSION } from "../version.js";
import { modelPath, parseFormat } from "./arguments.js";
import { type Command, ExitCode } from "./command.js";

const command: Command = {
  name: "drift",
  summary:
    "Report committed compose files and manifests that run something other than the model says, and generated files that are stale or missing",
  usage: "deployview drift [model] [--format text|json|sarif|github]",
  maxPositionals: 1,
  options: {
    format: { type: "string", value: "FORMAT", description: "text (default), json, sarif or github" },
  },
  async run({ positionals, options }, io) {
    const format = parseFormat(options.format, ["text", "json", "sarif", "github"]);
    if (!format) {
      io.stderr.write(`deployview drift: unknown format '${String(options.format)}'\n`);
      return ExitCode.unusable;
    }
    const path = modelPath(io, positionals[0]);
    const loaded = await loadModelFile(path);
    if (!loaded.model) {
      io.stderr.write(
        formatDiagnostics(loaded.diagnostics, loaded.sources, "text", { color: io.color, cwd: io.cwd }),
      );
      return ExitCode.unusable;
    }
    const drift = await detectDrift(loaded.model, path);
    const sorted = sortDiagnostics(drift.diagnostics);
    if (format !== "text" || sorted.length > 0) {
      // No rule runs on the committed files, but a frame of a finding may show a secret's line.
      const secrets = drift.committed.flatMap((model) => secretsFound(model, drift.sources));
      io.stdout.write(
        formatDiagnostics(sorted, drift.sources, format, {
          color: io.color,
          cwd: io.cwd,
          rules,
          version: VERSION,
          secrets,
        }),
      );
    } else io.stdout.write("No drift: every generated file matches the model.\n");
    return hasErrors(sorted) ? ExitCode.findings : ExitCode.ok;
  },
};

export default command;
