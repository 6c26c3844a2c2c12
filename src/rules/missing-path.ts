import { reportImported } from "./from-analyses.js";
import type { Rule } from "./rule.js";

export const missingPath: Rule = {
  id: "missing-path",
  severity: "warning",
  description: `A path a compose file needs is not there: a service's build context, Dockerfile or env_file, a project file it bind-mounts, a secret's or config's file.`,
  why: `Compose stops at the first one, at \`docker compose build\` or \`up\`, long after the file was changed: a context renamed or a secret file never created is found by whoever runs it next. A bind mount's source missing is worse in the short syntax: Docker makes an empty folder by its name, so an nginx.conf becomes a folder mounted over the image's file, refused at start or read as no configuration. A relative path is read from the project's folder, that of the first file, even in an override file kept elsewhere; in an included file, or in the file a service extends, from that file's folder; as Compose reads them.`,
  fix: `Point the path at what is there, or create it; an env_file that may be absent can say so (required: false). Where the path is there only when the file is run (a context checked out by CI, a secret or env file written at deployment), turn the rule off for that run (\`--rule missing-path=off\`) or suppress the line with a reason.`,
  example: {
    bad: `services:
  api:
    build: ./api        # no folder api/ beside the compose file
secrets:
  db-password:
    file: ./secrets/db-password.txt   # not created`,
    good: `services:
  api:
    build: ./services/api
secrets:
  db-password:
    environment: DB_PASSWORD`,
  },
  check(context) {
    reportImported(context, "missing-path");
  },
};
