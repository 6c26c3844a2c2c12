import { closest } from "./suggest.js";

/** What `lint.rules` in a model and `check --rule` may set a rule to: one list for the schema, the flag and the rules. */
export const severitySettings = ["off", "info", "warn", "error"] as const;
export type SeveritySetting = (typeof severitySettings)[number];

/**
 * The setting meant by a word that is none: one it begins with (`warning`, as other linters and
 * SARIF spell the level, is too far from `warn` for a misspelling), else the closest.
 */
export function meantSeverity(word: string): SeveritySetting | undefined {
  const lower = word.toLowerCase();
  return (
    severitySettings.find((setting) => lower.startsWith(setting)) ??
    (closest(word, severitySettings) as SeveritySetting | undefined)
  );
}

/** Whether a list of allowed values is the severity settings, wherever a schema asks for one. */
export function isSeverityList(allowed: readonly string[]): boolean {
  return allowed.length === severitySettings.length && severitySettings.every((s, i) => allowed[i] === s);
}
