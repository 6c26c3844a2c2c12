import { dirname, join, relative, resolve } from "node:path";
import { kubernetesFolder } from "../build/outputs.js";
import { hasErrors } from "../diagnostics.js";
import { emitKubernetes } from "../emit/k8s/index.js";
import { writeGeneratedFiles } from "../output/write-files.js";
import { formatDiagnostics } from "../report/index.js";
import { type Command, ExitCode } from "./command.js";
import { loadForOutput } from "./model-argument.js";

const command: Command = {
  name: "k8s",
  summary: "Write Kubernetes manifests and kustomization.yaml for a kubernetes environment",
  usage: "deployview k8s [model] --env ENV [--out dir] [--force]",
  options: {
    env: { type: "string", value: "ENV", description: "The environment (required)" },
    out: {
      type: "string",
      value: "DIR",
      description: "Folder to write to (default: the folder outputs.kubernetes names, else deploy/ENV/)",
    },
    force: { type: "boolean", description: "Overwrite files that deployview did not generate" },
  },
  async run({ positionals, options }, io) {
    if (typeof options.env !== "string") {
      io.stderr.write("deployview k8s: --env is required\n");
      return ExitCode.unusable;
    }
    const loaded = await loadForOutput(io, positionals[0]);
    if (!loaded.model) return ExitCode.unusable;
    const result = emitKubernetes(loaded.model, options.env);
    if (result.diagnostics.length > 0) {
      io.stderr.write(
        formatDiagnostics(result.diagnostics, loaded.sources, "text", { color: io.color, cwd: io.cwd }),
      );
    }
    if (hasErrors(result.diagnostics)) return ExitCode.unusable;
    const named = loaded.model.outputs.kubernetes.find((k) => k.environment === options.env)?.path;
    const outDir =
      typeof options.out === "string"
        ? resolve(io.cwd, options.out)
        : join(dirname(loaded.path), named ? kubernetesFolder(named) : `deploy/${options.env}`);
    const written = await writeGeneratedFiles(outDir, result.files, { force: options.force === true });
    if (written.diagnostics.length > 0) {
      io.stderr.write(
        formatDiagnostics(written.diagnostics, new Map(), "text", { color: io.color, cwd: io.cwd }),
      );
      return ExitCode.unusable;
    }
    for (const file of [...written.written, ...written.unchanged])
      io.stdout.write(`${relative(io.cwd, file)}\n`);
    return ExitCode.ok;
  },
};

export default command;
