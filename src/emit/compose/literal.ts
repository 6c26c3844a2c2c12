/** Compose interpolates `$`; a literal dollar is written `$$`. */
export function literal(value: string): string {
  return value.replace(/\$/g, "$$$$");
}
