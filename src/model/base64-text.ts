/**
 * The text a base64 value encodes (a Kubernetes Secret's `data`), or undefined where the value is
 * no base64: what a Secret holds is that text, as readable as the encoding is to anyone.
 */
export function base64Text(value: string): string | undefined {
  const compact = value.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  return Buffer.from(compact, "base64").toString("utf8");
}
