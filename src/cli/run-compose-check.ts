/**
 * The entry point of the bundle that checks compose files and nothing else (dist/check-compose.cjs).
 * The launcher starts it for `check` when every path named is a compose file: it leaves out the
 * model's schema validator, the Kubernetes and repository readers and every generator, the most
 * of what the whole CLI's bundle holds, and a short check starts that much sooner.
 */
import type { CommandTable } from "./command.js";
import { runInProcess } from "./process-main.js";

export { outputPending } from "./process-main.js";

const commands: CommandTable = {
  check: { summary: "Lint compose files", load: () => import("./check-compose.js") },
};

export const run = (): Promise<number> => runInProcess(commands);
