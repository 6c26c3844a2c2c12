import { Writable } from "node:stream";
import { commands } from "../../src/cli/commands.js";
import { main } from "../../src/cli/main.js";

class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs the CLI in-process, as a user would from `cwd`. */
/** `env`: the environment the command runs in; none by default, so that findings are the same everywhere. */
export async function runCli(args: string[], cwd = process.cwd(), env?: Record<string, string>) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(args, { stdout, stderr, cwd, color: false, ...(env ? { env } : {}) }, commands);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
