/**
 * Kubernetes label selectors as written in a string (`app=web,tier!=cache`, `env in (prod,staging)`,
 * `!legacy`): whether a set of labels matches. kustomize patch targets use them.
 */
export type Labels = Record<string, string>;

/** Splits at commas outside parentheses. */
function requirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of selector) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  return [...parts, current].map((p) => p.trim()).filter(Boolean);
}

function matchesOne(requirement: string, labels: Labels): boolean {
  const set = /^([^\s!=]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(requirement);
  if (set) {
    const values = set[3]!.split(",").map((v) => v.trim());
    const has = Object.hasOwn(labels, set[1]!) && values.includes(labels[set[1]!]!);
    return set[2] === "in" ? has : !has;
  }
  const compare = /^([^\s!=]+)\s*(==|=|!=)\s*(.*)$/.exec(requirement);
  if (compare) {
    const equal = Object.hasOwn(labels, compare[1]!) && labels[compare[1]!] === compare[3]!.trim();
    return compare[2] === "!=" ? !equal : equal;
  }
  if (requirement.startsWith("!")) return !Object.hasOwn(labels, requirement.slice(1).trim());
  return Object.hasOwn(labels, requirement);
}

export function matchesSelector(selector: string, labels: Labels): boolean {
  return requirements(selector).every((r) => matchesOne(r, labels));
}
