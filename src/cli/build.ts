import { dirname, join, relative } from "node:path";
import { buildOutputs } from "../build/outputs.js";
import { checkLoadedModel } from "../check/index.js";
import { append } from "../collections.js";
import { type Diagnostic, hasErrors, sortDiagnostics } from "../diagnostics.js";
import { loadModelFile } from "../load/index.js";
import { writeGeneratedFiles } from "../output/write-files.js";
import { formatDiagnostics } from "../report/index.js";
import { type Command, ExitCode } from "./command.js";
import { modelPath, readBeside } from "./model-argument.js";

const command: Command = {
  name: "build",
  summary: "Write everything each model's outputs section names, and report its findings",
  usage: "deployview build [model…] [--force]",
  options: {
    force: { type: "boolean", description: "Overwrite files that deployview did not generate" },
  },
  async run({ positionals, options }, io) {
    const models = positionals.length > 0 ? positionals : [undefined];
    let unusable = false;
    const findings: Diagnostic[] = [];
    const secrets: Diagnostic[] = [];
    const sources = new Map<string, string>();
    // The findings follow the files written, a blank line between; alone, they need none.
    let listed = false;
    for (const argument of models) {
      const path = modelPath(io, argument);
      const loaded = await loadModelFile(path);
      for (const [file, text] of loaded.sources) sources.set(file, text);
      append(findings, loaded.diagnostics);
      if (!loaded.model) {
        unusable = true;
        continue;
      }
      const checked = checkLoadedModel(loaded.model, loaded);
      append(findings, checked.findings);
      append(secrets, checked.secrets);
      const built = await buildOutputs(loaded.model, { previous: readBeside(dirname(path)) });
      append(findings, built.diagnostics);
      for (const output of built.outputs) {
        const written = await writeGeneratedFiles(join(dirname(path), output.folder), output.files, {
          force: options.force === true,
        });
        append(findings, written.diagnostics);
        if (written.diagnostics.length > 0) unusable = true;
        for (const file of written.written) io.stdout.write(`wrote ${relative(io.cwd, file)}\n`);
        for (const file of written.unchanged) io.stdout.write(`unchanged ${relative(io.cwd, file)}\n`);
        listed ||= written.written.length + written.unchanged.length > 0;
      }
    }
    // Two environments built from one service can report the same place twice; say it once.
    const seen = new Set<string>();
    const sorted = sortDiagnostics(findings).filter((d) => {
      const key = `${d.code}|${d.file}|${d.start}|${d.message}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    });
    const gap = listed ? "\n" : "";
    if (sorted.length > 0)
      io.stdout.write(
        `${gap}${formatDiagnostics(sorted, sources, "text", { color: io.color, cwd: io.cwd, secrets })}`,
      );
    else io.stdout.write(`${gap}No findings in ${models.length} model${models.length === 1 ? "" : "s"}.\n`);
    if (unusable) return ExitCode.unusable;
    return hasErrors(sorted) ? ExitCode.findings : ExitCode.ok;
  },
};

export default command;
