/** The entry point of the whole CLI's bundle (dist/cli.cjs). */
import { commands } from "./commands.js";
import { runInProcess } from "./process-main.js";

export { outputPending } from "./process-main.js";

export const run = (): Promise<number> => runInProcess(commands);
