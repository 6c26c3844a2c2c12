/**
 * The rules whose findings flag a secret as its file writes it. What they find is hidden in every
 * code frame a report prints, whether or not the finding itself is reported: a rule turned off, a
 * finding suppressed or left out by --quiet leaves the secret as readable on its line as ever.
 */
export const SECRET_RULES: ReadonlySet<string> = new Set(["plaintext-secret", "secret-in-command"]);
