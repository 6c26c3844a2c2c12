import { existsSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { hasErrors, sortDiagnostics } from "../diagnostics.js";
import { type InitResult, initFromRepository } from "../import/repository/index.js";
import { pathKind } from "../load/path-kind.js";
import { formatDiagnostics } from "../report/index.js";
import { type Command, ExitCode } from "./command.js";

const command: Command = {
  name: "init",
  summary:
    "Write a first deployview.yaml from the compose files and Kubernetes manifests a repository already has",
  usage: "deployview init [dir] [--force]",
  maxPositionals: 1,
  options: { force: { type: "boolean", description: "Overwrite an existing deployview.yaml" } },
  async run({ positionals, options }, io) {
    const root = resolve(io.cwd, positionals[0] ?? ".");
    if (pathKind(root) !== "folder") {
      io.stderr.write(
        `deployview init: ${positionals[0] ?? root} is not a folder; name the repository's folder\n`,
      );
      return ExitCode.unusable;
    }
    const target = join(root, "deployview.yaml");
    if (existsSync(target) && options.force !== true) {
      io.stderr.write(
        `deployview init: ${relative(io.cwd, target) || target} exists; pass --force to replace it\n`,
      );
      return ExitCode.unusable;
    }
    const result = await initFromRepository(root, (message) =>
      io.stderr.write(`deployview init: ${message}\n`),
    );
    if (result.diagnostics.length > 0) {
      io.stderr.write(
        formatDiagnostics(sortDiagnostics(result.diagnostics), result.sources, "text", {
          color: io.color,
          cwd: io.cwd,
        }),
      );
    }
    if (!result.text) {
      io.stderr.write(
        hasErrors(result.diagnostics)
          ? "deployview init: found nothing it can read to start from (see the errors above); nothing written\n"
          : "deployview init: found no compose file, Kubernetes manifest or Dockerfile to start from\n",
      );
      return ExitCode.unusable;
    }
    if (!result.loads) {
      io.stderr.write(
        "deployview init: the draft model does not load; nothing written (please report this)\n",
      );
      return ExitCode.unusable;
    }
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, result.text);
    await rename(temporary, target);
    io.stdout.write(`wrote ${relative(io.cwd, target) || target}\n\nEnvironments:\n`);
    for (const environment of result.environments) {
      io.stdout.write(
        `  ${environment.id}: ${environment.files.map((f) => relative(root, f)).join(" + ")}\n`,
      );
    }
    io.stdout.write("\nServices:\n");
    for (const s of result.services) {
      const facts = [
        s.kind,
        s.image ?? "built here",
        s.ports.length > 0 ? `ports ${s.ports.join(", ")}` : "",
        s.uses.length > 0 ? `uses ${s.uses.join(", ")}` : "",
      ].filter(Boolean);
      io.stdout.write(
        `  ${s.id}: ${facts.join("; ")}${s.environments.length > 0 ? ` (in ${s.environments.join(", ")})` : " (placed nowhere yet)"}\n`,
      );
    }
    if (result.secrets.length > 0) {
      io.stdout.write(
        "\nSecrets written in plain text in the files, which the model takes from variables instead (set them where the system runs, and change the values):\n",
      );
      for (const secret of result.secrets)
        io.stdout.write(`  ${secret.variable}: ${secret.services.join(", ")}\n`);
    }
    if (result.code.length > 0) io.stdout.write(`\nCode inspection summary:\n${codeSummary(result.code)}`);
    return ExitCode.ok;
  },
};

export default command;

/** Per service built here, what its code is made of (the summary of seed 002). */
function codeSummary(code: InitResult["code"]): string {
  return code
    .map(({ id, source, ports }, index) => {
      const lines = [
        ["Language", source.language],
        ["Framework", source.framework],
        ["Build tool", source["build-tool"]],
        ["Runtime", source.runtime],
        ["Database", source.database],
        ["Authentication", source.auth],
        ["Port", ports.join(", ")],
        ["Dependencies", source.dependencies?.join(", ")],
        ["Configuration files", source["config-files"]?.join(", ")],
      ]
        .filter(([, value]) => value)
        .map(([label, value]) => `     ${label}: ${value}\n`);
      return `  ${index + 1}. ${id} (${source.path})\n${lines.join("")}`;
    })
    .join("");
}
