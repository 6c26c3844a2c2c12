import { parseArgs } from "node:util";
import { closest } from "../model/suggest.js";
import { VERSION } from "../version.js";
import { type CliIo, type Command, type CommandTable, ExitCode, type OptionSpec } from "./command.js";

function help(commands: CommandTable): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    "deployview: deployment views as code",
    "",
    "Usage: deployview <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Run deployview <command> --help for a command's options.",
    "Exit codes: 0 clean, 1 findings at error level, 2 unusable input or usage.",
    "",
  ].join("\n");
}

function commandHelp(command: Command): string {
  const rows = Object.entries(command.options).map(([name, o]: [string, OptionSpec]) => {
    const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.type === "string" ? ` ${o.value ?? "VALUE"}` : ""}`;
    return `  ${flag.padEnd(28)} ${o.description}`;
  });
  return [
    `Usage: ${command.usage}`,
    "",
    command.summary,
    "",
    "Options:",
    ...rows,
    `${"  -h, --help".padEnd(30)} Show this help`,
    "",
  ].join("\n");
}

/**
 * parseArgs's message, but for an unknown option, which is told in a line with the option meant:
 * parseArgs's own goes on about positional arguments that start with a dash.
 */
function argumentProblem(error: Error & { code?: string }, command: Command): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (error.code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION" || !unknown) return error.message;
  const near = unknown.startsWith("--")
    ? closest(unknown, ["--help", ...Object.keys(command.options).map((option) => `--${option}`)])
    : undefined;
  return `unknown option '${unknown}'${near ? `; did you mean '${near}'?` : ""}`;
}

/**
 * The CLI, callable in-process: takes argv (without node and script), streams and cwd, and the
 * commands it knows; returns the exit code.
 */
export async function main(argv: string[], io: CliIo, commands: CommandTable): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(help(commands));
    return name ? ExitCode.ok : ExitCode.unusable;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${VERSION}\n`);
    return ExitCode.ok;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) {
    const near = closest(name, Object.keys(commands));
    io.stderr.write(
      `deployview: unknown command '${name}'${near ? `; did you mean '${near}'?` : ""}\n\n${help(commands)}`,
    );
    return ExitCode.unusable;
  }
  const command = (await entry.load()).default;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        ...Object.fromEntries(
          Object.entries(command.options).map(([k, o]) => [
            k,
            {
              type: o.type,
              ...(o.short ? { short: o.short } : {}),
              ...(o.multiple ? { multiple: true } : {}),
            },
          ]),
        ),
      },
    });
  } catch (error) {
    io.stderr.write(
      `deployview ${name}: ${argumentProblem(error as Error, command)}\n\n${commandHelp(command)}`,
    );
    return ExitCode.unusable;
  }
  if (parsed.values.help) {
    io.stdout.write(commandHelp(command));
    return ExitCode.ok;
  }
  const most = command.maxPositionals;
  if (most !== undefined && parsed.positionals.length > most) {
    const extra = parsed.positionals[most]!;
    const takes = most === 0 ? "takes no path" : `takes ${most === 1 ? "one path" : `${most} paths`}`;
    io.stderr.write(`deployview ${name}: ${takes}; '${extra}' is one too many\n\n${commandHelp(command)}`);
    return ExitCode.unusable;
  }
  return command.run(
    {
      positionals: parsed.positionals,
      options: parsed.values as Record<string, string | boolean | string[] | undefined>,
    },
    io,
  );
}
