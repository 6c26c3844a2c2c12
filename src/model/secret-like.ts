/** Whether a plain variable looks like a secret, and why: by its name, or by what its value holds. */
export function secretLike(name: string, value: string): string | undefined {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) return "holds a private key";
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i.test(value)) return "holds a URL with credentials";
  // NAME_FILE holds the path of a file with the secret (the convention of official images).
  if (/_FILE$/i.test(name) && /^[./~]/.test(value)) return undefined;
  if (
    /(PASSW(OR)?D|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|ACCESS_?KEY)/i.test(name) &&
    !/^\$\{/.test(value)
  ) {
    return "holds what looks like a secret";
  }
  return undefined;
}
