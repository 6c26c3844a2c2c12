/**
 * Configs written into the compose file itself (`configs: { x: { content: … } }`) that hold a
 * secret: a private key, a token, a password in the options or connection string they carry. The
 * model keeps no configs, so the importer finds them, for plaintext-secret to report.
 */
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import { secretLike } from "../../model/secret-like.js";
import { isObject } from "../json.js";

export function secretConfigs(
  value: unknown,
  valueAt: (path: (string | number)[]) => SourceRange,
): Diagnostic[] {
  if (!isObject(value) || !isObject(value.configs)) return [];
  const found: Diagnostic[] = [];
  for (const [name, config] of Object.entries(value.configs)) {
    if (!isObject(config) || typeof config.content !== "string") continue;
    const reason = secretLike(name, config.content);
    if (!reason) continue;
    found.push(
      diagnostic(
        "plaintext-secret",
        "error",
        `the config '${name}' ${reason} in plain text, written in the compose file`,
        valueAt(["configs", name, "content"]),
        {
          hint: `make it a secret read from a file kept out of version control (secrets: { ${name}: { file: ./${name} } })`,
        },
      ),
    );
  }
  return found;
}
