/** A model, compose or manifest file's text, read within the limits, or the error that says why there is none. */
import { readFileSync, statSync } from "node:fs";
import { CANNOT_READ_HINT, type Diagnostic, unreadableFile } from "../diagnostics.js";
import { fileTooLarge, limits } from "./limits.js";
import { isStandardInput, standardInputText } from "./standard-input.js";

/** What to do about a path that names no file to read, as the reader's user would name one. */
export interface ReadingHints {
  /** Where the path names nothing. */
  missing: string;
  /** Where it names a folder, a pipe or a device. */
  notFile: string;
}

/**
 * Read synchronously: see output/write-files.ts on the thread pool a first asynchronous read starts.
 * Standard input comes here by the name standard-input.ts gives it.
 */
export function readTextFile(file: string, hints: ReadingHints): string | Diagnostic {
  if (isStandardInput(file)) return standardInputText(file);
  try {
    // A missing file (the usual .env) is an answer, not an exception: throwing one costs more than reading.
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info) return unreadableFile("no such file", file, hints.missing);
    // Opening a named pipe waits for a writer, for ever if none comes: only standard input, above,
    // is the pipe a user means to read.
    if (!info.isFile()) return unreadableFile("not a file", file, hints.notFile);
    // Checked before reading, so a huge file costs nothing.
    if (info.size > limits.maxFileBytes) return fileTooLarge(file);
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadableFile(`cannot read the file (${code ?? "unknown error"})`, file, CANNOT_READ_HINT);
  }
}
