import { budgetDiagnostics } from "../analyze/budgets.js";
import { type Diagnostic, hasErrors, sortDiagnostics } from "../diagnostics.js";
import { loadModelFile } from "../load/index.js";
import { formatDiagnostics } from "../report/index.js";
import { type Command, ExitCode } from "./command.js";
import { modelPath, parseFormat } from "./model-argument.js";

const command: Command = {
  name: "check",
  summary:
    "Validate a model: its shape, its references, and each node's memory and CPU against budget and capacity",
  usage: "deployview check [model] [--format text|json]",
  options: {
    format: { type: "string", value: "FORMAT", description: "text (default) or json" },
  },
  async run({ positionals, options }, io) {
    const format = parseFormat(options.format, ["text", "json"]);
    if (!format) {
      io.stderr.write(`deployview check: unknown format '${String(options.format)}' (use text or json)\n`);
      return ExitCode.unusable;
    }
    const loaded = await loadModelFile(modelPath(io, positionals[0]));
    const diagnostics: Diagnostic[] = [...loaded.diagnostics];
    if (loaded.model) diagnostics.push(...loaded.model.environments.flatMap(budgetDiagnostics));
    const sorted = sortDiagnostics(diagnostics);
    const report = formatDiagnostics(sorted, loaded.sources, format, { color: io.color, cwd: io.cwd });
    if (format === "json" || sorted.length > 0) io.stdout.write(report);
    else io.stdout.write("No problems found.\n");
    if (!loaded.model) return ExitCode.unusable;
    return hasErrors(sorted) ? ExitCode.findings : ExitCode.ok;
  },
};

export default command;
