/**
 * Secrets written into the manifests themselves: a Secret's `data` (base64, which anyone reverses)
 * and `stringData`, and the literals of a kustomize secretGenerator. One finding per Secret, at its
 * first value, the others related to it: the Secret is what leaves the repository, not each key.
 * The values are never part of a message; the report masks each place the finding names.
 */
import { type Diagnostic, diagnostic, type RelatedLocation, type SourceRange } from "../../diagnostics.js";
import { locate } from "../../load/yaml-file.js";
import { textOf } from "../json.js";
import { asObject, type ManifestObject } from "./objects.js";
import { locateIn } from "./patch-origin.js";
import { decoded, writtenOut } from "./secret-placeholders.js";

/** Keys a certificate is kept under (a TLS Secret's tls.crt, ca.crt): whoever connects is shown it. */
const CERTIFICATE_KEY = /(?:^|[._-])(?:crt|cert|certificate|pub)$/i;

/** What a certificate or a public key begins with, which is public whatever its key is called. */
const PUBLIC_TEXT = /^\s*-----BEGIN (?:CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY)-----/;

const HINT =
  "keep the Secret out of the repository: commit it sealed (SealedSecrets) or encrypted (SOPS), fetch it from a secret store (External Secrets Operator), or create it at deploy time";

const LITERAL_HINT =
  "read it from a file or env file kept out of version control (files: [...], envs: [...]), or keep the Secret out of the repository (SealedSecrets, External Secrets Operator, SOPS)";

interface Written {
  key: string;
  at: SourceRange;
}

function isSecretValue(key: string, text: string): boolean {
  return (
    writtenOut(text) && !PUBLIC_TEXT.test(text) && !(CERTIFICATE_KEY.test(key) && !/PRIVATE KEY/.test(text))
  );
}

/** "'password'", "'password' and 'username'", "'a', 'b' and 3 more". */
function keysNamed(keys: readonly string[]): string {
  const quoted = keys.map((key) => `'${key}'`);
  if (quoted.length <= 3) return quoted.join(", ").replace(/, ([^,]*)$/, " and $1");
  return `${quoted.slice(0, 2).join(", ")} and ${quoted.length - 2} more`;
}

function finding(written: readonly Written[], message: string, hint: string): Diagnostic {
  const [first, ...others] = written;
  const related: RelatedLocation[] = others.map(({ key, at }) => ({
    ...at,
    message: `'${key}' is written here`,
  }));
  return diagnostic("plaintext-secret", "error", message, first!.at, { hint, related });
}

function valuesOf(secret: ManifestObject): { written: Written[]; encoded: boolean } {
  const written: Written[] = [];
  let encoded = false;
  for (const field of ["data", "stringData"] as const)
    for (const [key, raw] of Object.entries(asObject(secret.value[field]))) {
      // A null holds nothing, and a list or mapping is the field table's to report.
      const value = textOf(raw);
      if (value === undefined || !isSecretValue(key, field === "data" ? decoded(value) : value)) continue;
      encoded ||= field === "data";
      written.push({ key, at: locateIn(secret, [...secret.base, field, key], "value") });
    }
  return { written, encoded };
}

export function secretValueFindings(secrets: readonly ManifestObject[]): Diagnostic[] {
  return secrets.flatMap((secret) => {
    const found: Diagnostic[] = [];
    const { written, encoded } = valuesOf(secret);
    if (written.length > 0)
      found.push(
        finding(
          written,
          `the Secret '${secret.name}' holds ${keysNamed(written.map((w) => w.key))} in plain text${encoded ? " (base64 is an encoding anyone reverses, not encryption)" : ""}`,
          HINT,
        ),
      );
    const literals = (secret.literals ?? []).map(({ key, yaml, at }) => ({
      key,
      at: locate(yaml, at, "value"),
    }));
    if (literals.length > 0)
      found.push(
        finding(
          literals,
          `the secretGenerator of '${secret.name}' writes ${keysNamed(literals.map((l) => l.key))} in plain text in its kustomization`,
          LITERAL_HINT,
        ),
      );
    return found;
  });
}
