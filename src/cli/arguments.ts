/** Command-line arguments every command reads the same way; nothing here loads a model. */
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
