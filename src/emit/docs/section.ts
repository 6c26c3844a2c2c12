/** A document is a list of blocks; empty ones are dropped so no section is ever blank. */
export type Block = string | undefined | false;

export function blocks(...parts: Block[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p.trim() !== "").join("\n\n");
}

/** A heading followed by its body, or nothing when the body is empty. */
export function section(heading: string, ...body: Block[]): string | undefined {
  const content = blocks(...body);
  return content ? `${heading}\n\n${content}` : undefined;
}
