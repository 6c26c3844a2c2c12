import { rules } from "../rules/index.js";
import { type Command, ExitCode } from "./command.js";

const command: Command = {
  name: "rules",
  summary: "List the lint rules: id, default severity, what each finds",
  usage: "deployview rules [--format text|json]",
  maxPositionals: 0,
  options: { format: { type: "string", value: "FORMAT", description: "text (default) or json" } },
  async run({ options }, io) {
    if (options.format === "json") {
      io.stdout.write(
        `${JSON.stringify(
          rules.map(({ check: _check, ...meta }) => meta),
          null,
          2,
        )}\n`,
      );
      return ExitCode.ok;
    }
    if (options.format !== undefined && options.format !== "text") {
      io.stderr.write(`deployview rules: unknown format '${String(options.format)}' (use text or json)\n`);
      return ExitCode.unusable;
    }
    const width = Math.max(...rules.map((r) => r.id.length));
    for (const rule of rules)
      io.stdout.write(
        `${rule.id.padEnd(width)}  ${(rule.optIn ? "off" : rule.severity).padEnd(7)}  ${rule.description}${rule.onByDefaultIn ? ` On, at ${rule.severity}, for Kubernetes manifests.` : ""}\n`,
      );
    io.stdout.write(`\n${rules.length} rules. Pages with why and how to fix: docs/rules/<id>.md\n`);
    return ExitCode.ok;
  },
};

export default command;
