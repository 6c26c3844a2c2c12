/** Command-line arguments every command reads the same way; nothing here loads a model. */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { ReportFormat } from "../report/index.js";
import type { CliIo } from "./command.js";

export const DEFAULT_MODEL = "deployview.yaml";

export function modelPath(io: CliIo, argument: string | undefined): string {
  return resolve(io.cwd, argument ?? DEFAULT_MODEL);
}

export function parseFormat(value: unknown, allowed: readonly ReportFormat[]): ReportFormat | undefined {
  if (value === undefined) return "text";
  return allowed.find((f) => f === value);
}

/** What a path names, if the system can say: a symbolic link loop or a path through a file names nothing. */
export function pathKind(path: string): "file" | "folder" | "other" | undefined {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return undefined;
    return info.isFile() ? "file" : info.isDirectory() ? "folder" : "other";
  } catch {
    return undefined;
  }
}
