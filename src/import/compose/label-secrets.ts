/**
 * Service labels that hold a secret in plain text: a label is read by anyone who may list the
 * containers (docker inspect, a dashboard), and it is in the repository with the file. The model
 * keeps no labels, so the importer finds them, for plaintext-secret to report.
 */
import { type Diagnostic, diagnostic, type SourceRange } from "../../diagnostics.js";
import { secretLike } from "../../model/secret-like.js";
import { wholeReference } from "../../model/variable-reference.js";
import { isObject } from "../json.js";
import { writtenEntries } from "./written-entries.js";

/** How the password hashes of an htpasswd line begin (Traefik's basicauth users): a hash, not the password. */
const HASH_STARTS = ["$apr1$", "$2a$", "$2b$", "$2y$", "$5$", "$6$", "{SHA}"];

/**
 * Whether each user of an htpasswd line has a password hash, or one a variable fills in
 * (frappe's `admin:${HASHED_PASSWORD:?…}`): then no password is written in the file.
 */
function passwordsKeptOut(value: string): boolean {
  return value.split(",").every((entry) => {
    const colon = entry.indexOf(":");
    if (colon <= 0) return false;
    const password = entry.slice(colon + 1);
    // An unset variable with no default is already read as nothing here.
    if (password === "" || wholeReference(password) !== undefined) return true;
    return HASH_STARTS.some((start) => password.startsWith(start));
  });
}

export function secretLabels(
  value: unknown,
  valueAt: (path: (string | number)[]) => SourceRange,
): Diagnostic[] {
  if (!isObject(value) || !isObject(value.services)) return [];
  const found: Diagnostic[] = [];
  for (const [id, service] of Object.entries(value.services)) {
    if (!isObject(service) || service.labels === undefined) continue;
    for (const { name, value: label, step } of writtenEntries(service.labels)) {
      if (!label || passwordsKeptOut(label)) continue;
      // A label's words are what a variable's are: com.example.api-token reads as COM_EXAMPLE_API_TOKEN.
      const reason = secretLike(name.replace(/[.-]/g, "_"), label);
      if (!reason) continue;
      found.push(
        diagnostic(
          "plaintext-secret",
          "error",
          `the label '${name}' of '${id}' ${reason} in plain text`,
          valueAt(["services", id, "labels", step]),
          {
            hint: "keep the secret out of labels: give it to the service as a secret (secrets: [...]) or from the environment Compose runs in",
          },
        ),
      );
    }
  }
  return found;
}
