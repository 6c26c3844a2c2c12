import type { Rule } from "./rule.js";

const secretArgument =
  /(?:^|\s|^-{1,2}|=)(?:-{1,2})?(?:password|passwd|pwd|secret|token|api[-_]?key)[=\s:]+\S+/i;

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
      // A reference to a variable (${VAR}, $VAR) is how secrets should be passed, so it is fine.
      if (secretArgument.test(words) && !/(?:password|secret|token|key)[=\s:]+\$\{?[A-Z_]/i.test(words)) {
        context.report(
          service.at,
          `the command of '${service.id}' passes a secret on the command line`,
          "read it from a variable that references a secret",
        );
      }
    }
  },
};
