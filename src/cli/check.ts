import { checkModel } from "../check/index.js";
import { type Diagnostic, hasErrors, sortDiagnostics } from "../diagnostics.js";
import { loadModelFile } from "../load/index.js";
import { formatDiagnostics } from "../report/index.js";
import { type Command, ExitCode } from "./command.js";
import { modelPath, parseFormat } from "./model-argument.js";

const command: Command = {
  name: "check",
  summary:
    "Validate models: their shape, their references, and each node's memory and CPU against budget and capacity",
  usage: "deployview check [model…] [--format text|json]",
  options: {
    format: { type: "string", value: "FORMAT", description: "text (default) or json" },
  },
  async run({ positionals, options }, io) {
    const format = parseFormat(options.format, ["text", "json"]);
    if (!format) {
      io.stderr.write(`deployview check: unknown format '${String(options.format)}' (use text or json)\n`);
      return ExitCode.unusable;
    }
    const files = positionals.length > 0 ? positionals : [undefined];
    const diagnostics: Diagnostic[] = [];
    const sources = new Map<string, string>();
    let unusable = false;
    for (const file of files) {
      const loaded = await loadModelFile(modelPath(io, file));
      diagnostics.push(...loaded.diagnostics);
      for (const [path, text] of loaded.sources) sources.set(path, text);
      if (loaded.model) diagnostics.push(...checkModel(loaded.model, { sources: loaded.sources }));
      else unusable = true;
    }
    const sorted = sortDiagnostics(diagnostics);
    const report = formatDiagnostics(sorted, sources, format, { color: io.color, cwd: io.cwd });
    if (format === "json" || sorted.length > 0) io.stdout.write(report);
    else io.stdout.write(`No problems found${files.length > 1 ? ` in ${files.length} models` : ""}.\n`);
    if (unusable) return ExitCode.unusable;
    return hasErrors(sorted) ? ExitCode.findings : ExitCode.ok;
  },
};

export default command;
