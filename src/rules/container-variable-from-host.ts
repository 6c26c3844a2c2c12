import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const containerVariableFromHost: Rule = {
  id: "container-variable-from-host",
  severity: "warning",
  description: `A service's command, entrypoint or health check uses \${VAR} for a variable the service sets itself, which Compose fills in from the environment it runs in instead.`,
  why: `Compose replaces every \${VAR} and $VAR in the file when it reads it, before a container exists: the command gets the value of the shell or .env that runs Compose, or an empty text with a warning, never the value the service's environment gives. The program then runs with the wrong folder, port or name, and nothing says why.`,
  fix: `Write $\${VAR} (or $$VAR): Compose turns it into \${VAR} and leaves it to the container's shell, which reads the service's own. A command in the exec form ([CMD, …]) runs no shell and expands nothing: use CMD-SHELL, or sh -c, for the variable to be read.`,
  example: {
    bad: `services:
  api:
    image: shop/api:1.4
    command: sh -c "cd \${APP_DIR} && ./serve"
    environment: { APP_DIR: /srv/api }`,
    good: `services:
  api:
    image: shop/api:1.4
    command: sh -c "cd $\${APP_DIR} && ./serve"
    environment: { APP_DIR: /srv/api }`,
  },
  check(context) {
    reportImported(context, "container-variable-from-host");
  },
};
