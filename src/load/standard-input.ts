/**
 * Standard input as a file (`deployview check -f -` or `-f /dev/stdin`, as `docker compose -f -`
 * takes it; `check -` for a model or manifests too): read once, within the limits, and named
 * `<stdin>` in the folder the command runs in, which is where Compose reads the relative paths of
 * such a file from, and its `.env`.
 */
import { readSync } from "node:fs";
import { join } from "node:path";
import { type Diagnostic, diagnostic } from "../diagnostics.js";
import { limits } from "./limits.js";

export const STANDARD_INPUT_NAME = "<stdin>";

/** What standard input goes by on a command line: `-`, and the system's names for it. */
const NAMES = new Set(["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]);

/** Whether a command-line argument names standard input. */
export const namesStandardInput = (argument: string): boolean => NAMES.has(argument);

/** The paths standard input was given as, and what it held once read. */
const paths = new Set<string>();
let read: string | "too large" | "unreadable" | undefined;

/** The path that stands for standard input in a command run in `cwd`. */
export function standardInputPath(cwd: string): string {
  const path = join(cwd, STANDARD_INPUT_NAME);
  paths.add(path);
  return path;
}

export function isStandardInput(path: string): boolean {
  return paths.has(path);
}

/** Its text, or the error that says why there is none, reported at `file` (its path). */
export function standardInputText(file: string): string | Diagnostic {
  const text = readStandardInput();
  if (text === "too large")
    return diagnostic("file-too-large", "error", "standard input holds more than deployview reads", { file });
  if (text === "unreadable")
    return diagnostic("file-unreadable", "error", "cannot read standard input", { file });
  return text;
}

/** Its text, or why there is none: read to its end the first time, within the size limit. */
export function readStandardInput(): string | "too large" | "unreadable" {
  read ??= readAll();
  return read;
}

function readAll(): string | "too large" | "unreadable" {
  const chunks: Buffer[] = [];
  let size = 0;
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) {
      let count: number;
      try {
        count = readSync(0, chunk, 0, chunk.length, null);
      } catch (error) {
        // A pipe its writer made non-blocking: wait for the rest rather than take half a file.
        if ((error as NodeJS.ErrnoException).code === "EAGAIN") {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
          continue;
        }
        throw error;
      }
      if (count === 0) break;
      size += count;
      if (size > limits.maxFileBytes) return "too large";
      chunks.push(Buffer.from(chunk.subarray(0, count)));
    }
  } catch {
    return "unreadable";
  }
  return Buffer.concat(chunks).toString("utf8");
}
