/**
 * Running the CLI as the process: the only place that touches the process's output and exit code.
 * Both bundles start here: the whole CLI, and the one that checks compose files alone.
 */
import { fstatSync, statSync } from "node:fs";
import type { CommandTable } from "./command.js";
import { FdOutput } from "./fd-output.js";
import { main } from "./main.js";

const stdout = new FdOutput(1);
const stderr = new FdOutput(2);

export async function runInProcess(commands: CommandTable): Promise<number> {
  try {
    return await main(
      process.argv.slice(2),
      {
        stdout,
        stderr,
        cwd: process.cwd(),
        color: isTerminal(1) && !process.env.NO_COLOR,
        env: process.env,
      },
      commands,
    );
  } catch (error) {
    // An internal invariant broke: say so plainly (a bug to report), without a stack trace unless asked.
    stderr.write(`deployview: internal error: ${(error as Error).message}\n`);
    if (process.env.DEPLOYVIEW_DEBUG) stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
}

/** Whether output still waits to be written, so the process must not exit yet. */
export function outputPending(): boolean {
  return stdout.pending || stderr.pending;
}

/**
 * Whether a descriptor is a terminal, without `node:tty`, which loads Node's network and stream
 * modules (about 3 ms of a short command) to answer. A terminal is a character device; so is
 * /dev/null, where output is often sent, and it is told apart by its identity.
 */
function isTerminal(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    if (!info.isCharacterDevice()) return false;
    const empty = statSync("/dev/null", { throwIfNoEntry: false });
    return !(empty && empty.dev === info.dev && empty.ino === info.ino);
  } catch {
    return false;
  }
}
