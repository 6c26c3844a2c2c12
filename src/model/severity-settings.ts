/** What `lint.rules` in a model and `check --rule` may set a rule to: one list for the schema, the flag and the rules. */
export const severitySettings = ["off", "info", "warn", "error"] as const;
export type SeveritySetting = (typeof severitySettings)[number];
