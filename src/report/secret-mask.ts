/**
 * Secrets kept out of the code frames a report prints: a log of CI is often public. What a secret
 * finding flags is masked in every frame of its file, where it is and wherever its text shows up
 * again, a character for a character so that an underline stays under its place.
 */
import type { Diagnostic, SourceRange } from "../diagnostics.js";
import { base64Text } from "../model/base64-text.js";
import { SECRET_RULES } from "../rules/secret-rules.js";
import { secretSpans } from "./secret-spans.js";

/**
 * Text this short is masked only where a finding flags it: masked wherever it shows up, it would
 * hide ordinary words ("db", "1") and tell the reader nothing.
 */
const SHORTEST_REPEATED = 4;

const MASK = "*";

interface FileSecrets {
  spans: { start: number; end: number }[];
  texts: Set<string>;
}

/** The secrets of each file, found only for files that have secret findings. */
export class SecretMask {
  private readonly files = new Map<string, FileSecrets>();

  constructor(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>) {
    for (const d of diagnostics) {
      // Their range is a secret as the file writes it, or the command or entry that holds one.
      if (!SECRET_RULES.has(d.code)) continue;
      // The further values a finding names (the other keys of a Secret) are as secret as its own.
      for (const range of [d, ...(d.related ?? [])]) this.add(range, d.code === "secret-in-command", sources);
    }
  }

  private add(range: Partial<SourceRange>, command: boolean, sources: ReadonlyMap<string, string>): void {
    if (range.file === undefined || range.start === undefined) return;
    const end = range.end ?? range.start;
    const text = sources.get(range.file);
    if (text === undefined || end <= range.start) return;
    let secrets = this.files.get(range.file);
    if (!secrets) {
      secrets = { spans: [], texts: new Set() };
      this.files.set(range.file, secrets);
    }
    for (const span of secretSpans(text.slice(range.start, end), command)) {
      const at = { start: range.start + span.start, end: range.start + span.end };
      secrets.spans.push(at);
      // Written again elsewhere (a value copied into a label, a command), its text is as secret.
      const value = text.slice(at.start, at.end).replace(/^["']|["']$/g, "");
      if (value.length >= SHORTEST_REPEATED) secrets.texts.add(value);
      // A Secret's base64 value is its text to anyone: written out elsewhere, that is as secret.
      const encoded = command ? undefined : readableText(value);
      if (encoded !== undefined && encoded.length >= SHORTEST_REPEATED) secrets.texts.add(encoded);
    }
  }

  /** A line of `file` that starts at offset `from`, its secrets masked. */
  line(file: string, from: number, line: string): string {
    const secrets = this.files.get(file);
    if (!secrets) return line;
    const masked = new Set<number>();
    for (const { start, end } of secrets.spans)
      for (let at = Math.max(start, from); at < Math.min(end, from + line.length); at++)
        masked.add(at - from);
    for (const text of secrets.texts)
      for (let at = line.indexOf(text); at >= 0; at = line.indexOf(text, at + 1))
        for (let unit = at; unit < at + text.length; unit++) masked.add(unit);
    if (masked.size === 0) return line;
    let shown = "";
    for (let unit = 0; unit < line.length; unit++) shown += masked.has(unit) ? MASK : line[unit];
    return shown;
  }
}

/**
 * What a base64 value encodes, where that is text someone could have written: not the bytes that
 * any other value (a password of letters and digits) decodes to, which no line holds.
 */
function readableText(value: string): string | undefined {
  const text = base64Text(value);
  if (text === undefined || text.includes("\ufffd")) return undefined;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x20 || code === 0x7f) return undefined;
  }
  return text;
}
