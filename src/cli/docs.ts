import { dirname, join, resolve } from "node:path";
import { documentFiles } from "../build/document.js";
import { writeGeneratedFiles } from "../output/write-files.js";
import { formatDiagnostics } from "../report/index.js";
import { type Command, ExitCode } from "./command.js";
import { loadForOutput, readBeside } from "./model-argument.js";

const command: Command = {
  name: "docs",
  summary: "Write the arc42 §7 deployment document",
  usage: "deployview docs [model] [--out dir] [--force]",
  maxPositionals: 1,
  options: {
    out: {
      type: "string",
      value: "DIR",
      description: "Folder to write to (default: the folder of outputs.docs, else docs/ beside the model)",
    },
    force: { type: "boolean", description: "Overwrite files that deployview did not generate" },
  },
  async run({ positionals, options }, io) {
    const loaded = await loadForOutput(io, positionals[0]);
    if (!loaded.model) return ExitCode.unusable;
    const modelDir = dirname(loaded.path);
    const target = loaded.model.outputs.docs ?? "docs/deployment-view.md";
    const outDir =
      typeof options.out === "string" ? resolve(io.cwd, options.out) : dirname(join(modelDir, target));
    const files = await documentFiles(loaded.model, target.split("/").pop()!, {
      previous: readBeside(outDir),
    });
    const result = await writeGeneratedFiles(outDir, files, { force: options.force === true });
    if (result.diagnostics.length > 0) {
      io.stderr.write(
        formatDiagnostics(result.diagnostics, new Map(), "text", { color: io.color, cwd: io.cwd }),
      );
      return ExitCode.unusable;
    }
    for (const file of [...result.written, ...result.unchanged])
      io.stdout.write(`${file.replace(`${io.cwd}/`, "")}\n`);
    return ExitCode.ok;
  },
};

export default command;
