/**
 * Block YAML for plain data (objects, arrays, strings, numbers, booleans, null): what manifests are.
 * The general-purpose `yaml` library builds a node tree per value, which for a thousand-service
 * model costs seconds; manifests need none of that. Strings are written plain only when no YAML
 * reader (1.1 or 1.2) could take them for anything else; otherwise as JSON strings, which are
 * valid YAML double-quoted scalars. Tests parse the output back and compare.
 */

/** A conservative plain scalar: starts with a letter, `_` or `/`; no spaces, no `: `, no comment. */
const plainScalar = /^[A-Za-z_/][\w./@+=,()~-]*(?::[\w./@+=,()~-]+)*$/;
/** Words YAML 1.1 readers (go-yaml, so kubectl) take for booleans or null. */
const specialWord = /^(y|n|yes|no|true|false|on|off|null)$/i;

export function scalarText(value: unknown): string {
  switch (typeof value) {
    case "string":
      return plainScalar.test(value) && !specialWord.test(value) ? value : JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as YAML`);
      return String(value);
    case "boolean":
      return value ? "true" : "false";
    default:
      if (value === null || value === undefined) return "null";
      throw new Error(`cannot write a ${typeof value} as YAML`);
  }
}

type Mapping = Record<string, unknown>;

/** A non-empty array or mapping, which takes lines of its own. */
function isBlock(value: unknown): value is unknown[] | Mapping {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  for (const key in value) if ((value as Mapping)[key] !== undefined) return true;
  return false;
}

function write(value: unknown, indent: string, lines: string[], first: string): void {
  if (!isBlock(value)) {
    const empty = Array.isArray(value)
      ? "[]"
      : typeof value === "object" && value !== null
        ? "{}"
        : undefined;
    lines.push(`${first}${empty ?? scalarText(value)}`);
    return;
  }
  let lead = first;
  if (Array.isArray(value)) {
    for (const item of value) {
      // An item that is a collection starts on the dash's line: `- name: x`.
      write(item, `${indent}  `, lines, `${lead}- `);
      lead = indent;
    }
    return;
  }
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    const keyText = `${lead}${scalarText(key)}:`;
    if (isBlock(item)) {
      lines.push(keyText);
      // Sequences under a key are indented like mappings, as most people write them.
      write(item, `${indent}  `, lines, `${indent}  `);
    } else {
      write(item, indent, lines, `${keyText} `);
    }
    lead = indent;
  }
}

/** One YAML document for the value, ending in a newline. */
export function yamlText(value: unknown): string {
  const lines: string[] = [];
  write(value, "", lines, "");
  return `${lines.join("\n")}\n`;
}
