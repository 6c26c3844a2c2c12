/** The process entry point: the only place that touches process streams and the exit code. */
import { main } from "./main.js";

export async function run(): Promise<number> {
  // `deployview schema | head` closes the pipe early; that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  try {
    return await main(process.argv.slice(2), {
      stdout: process.stdout,
      stderr: process.stderr,
      cwd: process.cwd(),
      color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    });
  } catch (error) {
    // An internal invariant broke: say so plainly (a bug to report), without a stack trace unless asked.
    process.stderr.write(`deployview: internal error: ${(error as Error).message}\n`);
    if (process.env.DEPLOYVIEW_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
}
