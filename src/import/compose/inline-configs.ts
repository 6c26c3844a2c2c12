/**
 * Configs written into the compose file itself (`configs: { x: { content: … } }`) that hold a
 * secret: a private key, a token, a password in the options or connection string they carry, or
 * a setting of the file they make that holds one (`db.password = …`, `password: …`). The model
 * keeps no configs, so the importer finds them, for plaintext-secret to report.
 */
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import { secretLike } from "../../model/secret-like.js";
import { isObject } from "../json.js";

/**
 * A line of a settings file: `key=value`, `key = value` or `key: value`, the key and the value
 * quoted or not. What closes the value is cut by settingValue: matched here, a lazy value before
 * optional spaces, punctuation and spaces again takes time cubic in a line of spaces.
 */
const SETTING = /^\s*(?:export\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[=:]\s*["']?([\s\S]*)$/;

/**
 * The value of a setting without what may close its line: spaces, a JSON member's trailing comma
 * or a line's semicolon, a closing quote. None where the value runs over a line break.
 */
function settingValue(written: string): string | undefined {
  let value = written.trimEnd();
  if (value.endsWith(",") || value.endsWith(";")) value = value.slice(0, -1).trimEnd();
  if (value.endsWith('"') || value.endsWith("'")) value = value.slice(0, -1);
  return /[\r\u2028\u2029]/.test(value) ? undefined : value;
}

/** The first setting of a config's lines that holds a secret: its key, the value as written, and why. */
function secretSetting(content: string): { key: string; value: string; reason: string } | undefined {
  for (const line of content.split("\n")) {
    const [, key, rest] = SETTING.exec(line) ?? [];
    const value = rest === undefined ? undefined : settingValue(rest);
    // A bare `key` names what is looked up (a label's, a map's), not a key that opens anything.
    if (!key || !value || /^key$/i.test(key)) continue;
    // A key's words are what a variable's are: db.password reads as DB_PASSWORD.
    const reason = secretLike(key.replace(/[.-]/g, "_"), value);
    if (reason) return { key, value, reason };
  }
  return undefined;
}

export function secretConfigs(
  value: unknown,
  valueAt: (path: (string | number)[]) => SourceRange,
  text: string,
): Diagnostic[] {
  if (!isObject(value) || !isObject(value.configs)) return [];
  const found: Diagnostic[] = [];
  for (const [name, config] of Object.entries(value.configs)) {
    if (!isObject(config) || typeof config.content !== "string") continue;
    const whole = secretLike(name, config.content);
    const setting = whole ? undefined : secretSetting(config.content);
    if (!whole && !setting) continue;
    const at = valueAt(["configs", name, "content"]);
    found.push(
      diagnostic(
        "plaintext-secret",
        "error",
        setting
          ? `the config '${name}' ${setting.reason} in plain text in its setting '${setting.key}', written in the compose file`
          : `the config '${name}' ${whole} in plain text, written in the compose file`,
        setting ? writtenWithin(text, at, setting.value) : at,
        {
          hint: `make it a secret read from a file kept out of version control (secrets: { ${name}: { file: ./${name} } })`,
        },
      ),
    );
  }
  return found;
}

/** Where `written` is within `at`, as a block scalar keeps its lines; `at` itself where it is not there as written. */
function writtenWithin(text: string, at: SourceRange, written: string): SourceRange {
  const index = text.slice(at.start, at.end).indexOf(written);
  return index < 0 ? at : { file: at.file, start: at.start + index, end: at.start + index + written.length };
}
