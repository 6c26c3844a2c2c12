import type { Rule } from "./rule.js";

/**
 * An option or setting that carries a secret, and its value: --password=x, --db-password x,
 * --requirepass x (Redis), token: x. A value that is a variable ($VAR, ${VAR}) is how it should be done.
 */
const secretArgument =
  /(?:^|[\s"'])-{0,2}(?:[\w-]*(?:password|passwd|secret|token|api[-_]?key)|pwd|pass|requirepass|masterauth)[=\s:]+(\S+)/gi;

export const secretInCommand: Rule = {
  id: "secret-in-command",
  severity: "error",
  description: "A command line passes what looks like a password, token or key.",
  why: "Command lines show up in process lists, logs, `docker inspect` and generated files for anyone to read.",
  fix: "Pass it through a variable that references a secret, and let the program read the variable.",
  example: {
    bad: 'command: [server, "--password=hunter2"]',
    good: "command: [server]\nenv: { SERVER_PASSWORD: { secret: server-password } }",
  },
  check(context) {
    for (const service of context.model.services) {
      const command =
        service.command === undefined
          ? []
          : Array.isArray(service.command)
            ? service.command
            : [service.command];
      const words = command.join(" ");
      const passed = [...words.matchAll(secretArgument)].some(([, value]) => !value!.startsWith("$"));
      if (passed) {
        context.report(
          service.commandAt ?? service.at,
          `the command of '${service.id}' passes a secret on the command line`,
          "read it from a variable that references a secret",
        );
      }
    }
  },
};
