import { type Diagnostic, type DiagnosticCode, diagnostic, type SourceRange } from "../../diagnostics.js";
import { parseQuantity, type QuantityKind } from "../quantity.js";
import type { AmountInput } from "../schema.js";
import type { Suggest } from "../suggest.js";
import type { Amount } from "../types.js";

export type KeyPath = (string | number)[];
export type Locate = (path: KeyPath, prefer?: "key" | "value") => SourceRange;

/** What every resolution step shares: where things are, and where problems go. */
export interface ResolveContext {
  file: string;
  locate: Locate;
  diagnostics: Diagnostic[];
  /** "Did you mean …?", within one budget for the whole resolution (see budgeted). */
  suggest: Suggest;
}

export function report(
  context: ResolveContext,
  code: DiagnosticCode,
  message: string,
  path: KeyPath,
  extra: {
    hint?: string;
    prefer?: "key" | "value";
    severity?: "error" | "warning";
    /** The service the message names, quoted: see Diagnostic.about. */
    about?: string;
  } = {},
): void {
  context.diagnostics.push(
    diagnostic(code, extra.severity ?? "error", message, context.locate(path, extra.prefer ?? "value"), {
      path,
      ...(extra.hint ? { hint: extra.hint } : {}),
      ...(extra.about !== undefined ? { about: extra.about } : {}),
    }),
  );
}

/** The service a path inside `services` is about, and how a message names it: " of 'api'". */
function ofService(path: KeyPath): { of: string; about?: string } {
  if (path[0] !== "services") return { of: "" };
  const service = String(path[1]);
  return { of: ` of '${service}'`, about: service };
}

export function notesOf(notes: string | string[] | undefined): string[] {
  if (notes === undefined) return [];
  return typeof notes === "string" ? [notes] : [...notes];
}

export function entriesOf<V>(record: Record<string, V> | undefined): [string, V][] {
  return record ? Object.entries(record) : [];
}

/** Entries of a free-text map, where `500` or `true` were typed for text. */
export function textEntriesOf(
  record: Record<string, string | number | boolean> | undefined,
): [string, string][] {
  return entriesOf(record).map(([key, value]) => [key, String(value)]);
}

/** "field-hub" → "Field Hub". */
export function titleCase(id: string): string {
  return id
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(" ");
}

function quantityText(input: string | number | undefined): string {
  return input === undefined ? "" : String(input);
}

/** An amount from any of its written forms, or undefined with a located diagnostic. */
export function resolveAmount(
  context: ResolveContext,
  input: AmountInput | undefined,
  kind: QuantityKind,
  path: KeyPath,
  /** What the amount is, where it is no memory or CPU: a volume size, a disk. */
  what?: string,
): Amount | undefined {
  if (input === undefined) return undefined;
  if (typeof input === "string" || typeof input === "number") {
    const amount = parseQuantity(input, kind);
    if (!amount) {
      const { of, about } = ofService(path);
      const hint =
        kind === "cpu"
          ? "write cores like 0.5 or millicores like 500m"
          : `write it like ${what ? "10Gi or 500Mi" : "512Mi or 1Gi"}`;
      report(
        context,
        "invalid-quantity",
        `cannot read the ${what ?? `${kind} quantity`} '${input}'${of}`,
        path,
        { hint, ...(about !== undefined ? { about } : {}) },
      );
      return undefined;
    }
    if (amount.request > amount.limit) {
      report(context, "invalid-range", `the range '${input}' starts above where it ends`, path);
      return undefined;
    }
    return amount;
  }
  const written = input.request ?? input.limit;
  const request =
    written === undefined
      ? undefined
      : resolveAmount(
          context,
          written,
          kind,
          [...path, input.request === undefined ? "limit" : "request"],
          what,
        );
  const limit =
    input.limit === undefined ? request : resolveAmount(context, input.limit, kind, [...path, "limit"], what);
  if (!request || !limit) return undefined;
  if (request.request > limit.limit) {
    const { of, about } = ofService(path);
    // At the request where one is written: the number a user most often got wrong, and the one
    // a runtime names when it refuses the pair (Docker's "memory reservation").
    const at = input.request !== undefined ? [...path, "request"] : path;
    report(
      context,
      "invalid-range",
      `the ${what ?? kind} request ${request.text}${of} is above its limit ${limit.text}`,
      at,
      about !== undefined ? { about } : {},
    );
    return undefined;
  }
  const text =
    input.request !== undefined && input.limit !== undefined
      ? `${quantityText(input.request)}–${quantityText(input.limit)}`
      : request.text;
  return {
    request: request.request,
    limit: limit.limit,
    approximate: input.approximate ?? (request.approximate || limit.approximate),
    text: input.approximate ? `~${text.replace(/^~/, "")}` : text,
    ...(input.request !== undefined && input.limit === undefined ? { requestOnly: true as const } : {}),
  };
}
