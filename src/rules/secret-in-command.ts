import { SECRET_IN_COMMAND_HINTS, secretCommands } from "../model/container-risks.js";
import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const secretInCommand: Rule = {
  id: "secret-in-command",
  severity: "error",
  description:
    "A command line passes what looks like a password, token or key (--password=…, mysql's -p…, redis-cli's -a …).",
  why: "Command lines show up in process lists, logs, `docker inspect` and generated files for anyone to read.",
  fix: 'Pass it through a variable that references a secret, and let the program read the variable; a command\'s output (--password="$(cat /run/secrets/db-password)") is fine too.',
  example: {
    bad: 'command: [server, "--password=hunter2"]',
    good: "command: [server]\nenv: { SERVER_PASSWORD: { secret: server-password } }",
  },
  check(context) {
    const hint = SECRET_IN_COMMAND_HINTS[context.model.readFrom ?? "model"];
    reportImported(context, "secret-in-command", hint);
    // From manifests, every probe's command is found where it is written (probe-findings.ts).
    const probes = context.model.readFrom !== "kubernetes";
    for (const service of context.model.services) {
      const argumentsFrom = context.model.commandArguments?.get(service.id);
      for (const { at, message } of secretCommands(service, probes, context.sources, argumentsFrom))
        context.report(at, message, hint);
    }
  },
};
