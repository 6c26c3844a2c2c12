/**
 * Standard output and error written straight to their file descriptors. Node's stream objects for
 * them load some twenty stream modules on first use, about 2 ms of a short command, and a command
 * that prints its result in a few writes needs none of it. Where a descriptor cannot take a write
 * at once (a full pipe its reader made non-blocking), the rest goes through Node's stream, and so
 * does everything after it, in order. When the reader goes away (`deployview check | head`), what
 * is left unwritten is dropped and the command runs to its end: its exit code is still its verdict,
 * for a pipeline that asks for it (`set -o pipefail`).
 */
import { writeSync } from "node:fs";
import type { Output } from "./command.js";

/** What an output needs of the system; the tests give their own. */
export interface FdSystem {
  writeSync(fd: number, bytes: Uint8Array, offset: number): number;
  /** Node's stream for the descriptor, for what the descriptor cannot take at once. */
  stream(fd: 1 | 2): NodeJS.WritableStream & { writableLength: number };
}

const system: FdSystem = {
  writeSync: (fd, bytes, offset) => writeSync(fd, bytes, offset),
  stream: (fd) => (fd === 1 ? process.stdout : process.stderr),
};

export class FdOutput implements Output {
  private stream: ReturnType<FdSystem["stream"]> | undefined;
  /** The reader went away: their choice, not an error; nothing more is written. */
  private readerGone = false;

  constructor(
    private readonly fd: 1 | 2,
    private readonly os: FdSystem = system,
  ) {}

  write(text: string): boolean {
    if (this.readerGone) return true;
    if (this.stream) return this.stream.write(text);
    const bytes = Buffer.from(text);
    let written = 0;
    try {
      while (written < bytes.length) written += this.os.writeSync(this.fd, bytes, written);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") {
        this.readerGone = true;
        return true;
      }
      if (code !== "EAGAIN") throw error;
      this.stream = this.os.stream(this.fd);
      this.stream.on("error", (streamError: NodeJS.ErrnoException) => {
        if (streamError.code !== "EPIPE") throw streamError;
        this.readerGone = true;
      });
      return this.stream.write(bytes.subarray(written));
    }
  }

  /** Whether some of what was written still waits in Node's stream. */
  get pending(): boolean {
    return !this.readerGone && (this.stream?.writableLength ?? 0) > 0;
  }
}
