/**
 * YAML with positions and limits. Used for the model and, by the importers, for compose files and
 * manifests: every value keeps the offsets it came from, and hostile input ends in a diagnostic.
 */
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  type YAMLError,
} from "yaml";
import { append } from "../collections.js";
import { type Diagnostic, diagnostic, type RelatedLocation, type SourceRange } from "../diagnostics.js";
import { fastParseAll, type ParsedDocument } from "./fast-yaml.js";
import { FORBIDDEN_KEYS } from "./forbidden-keys.js";
import { fileTooLarge, limits } from "./limits.js";

export type KeyPath = (string | number)[];

export interface YamlFile {
  file: string;
  text: string;
  document: ParsedDocument;
  /** The plain value, or undefined when the file was unusable. */
  value: unknown;
}

export interface ParseOptions {
  /** Allow several documents separated by `---` (Kubernetes manifests). Default false. */
  multiDocument?: boolean;
  /** Apply `<<` merge keys, as Compose does. Default false (models are plain YAML 1.2). */
  merge?: boolean;
  /**
   * Applied to every string value (not to keys) as the value is made, with the key it is the value
   * of, if any: Compose's interpolation.
   */
  mapString?: (text: string, key?: string) => string;
}

function rangeOf(
  node: { range?: [number, number, number] | null } | null | undefined,
  file: string,
): SourceRange {
  const range = node?.range;
  return { file, start: range?.[0] ?? 0, end: range?.[1] ?? 0 };
}

interface TreeProblems {
  /** The first collection nested past the limit, if any. */
  tooDeep: unknown;
  /** Aliases whose anchor encloses them (`a: &x { b: *x }`): the value would be infinite. */
  cycles: Diagnostic[];
  /** Keys such as __proto__ that could tamper with objects. */
  forbidden: Diagnostic[];
}

/**
 * One walk over the syntax tree, before anything expands it, in document order: nesting depth,
 * alias cycles, forbidden keys. It recurses no deeper than the depth limit, so a deep file cannot
 * overflow the stack. An alias names the latest anchor before it, so anchors are recorded as they
 * are met (asking each alias to resolve itself would walk the whole document once per alias).
 */
function checkTree(document: ParsedDocument, file: string): TreeProblems {
  const problems: TreeProblems = { tooDeep: undefined, cycles: [], forbidden: [] };
  const ancestors = new Set<unknown>();
  const anchors = new Map<string, unknown>();
  // False once the document is found too deep: nothing more is looked at.
  const visit = (node: unknown, depth: number): boolean => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target && ancestors.has(target)) {
        problems.cycles.push(
          diagnostic(
            "yaml-alias-cycle",
            "error",
            `the alias *${node.source} refers to a collection that contains it`,
            rangeOf(node, file),
            { hint: "an element cannot be nested inside itself" },
          ),
        );
      }
      return true;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.set(anchor, node);
    if (!isMap(node) && !isSeq(node)) return true;
    if (depth > limits.maxDepth) {
      problems.tooDeep = node;
      return false;
    }
    const items = node.items as unknown[];
    for (const item of items) {
      if (!isPair(item)) continue;
      // `? [a, b]`: no configuration takes a collection for a name, nor do Compose and kubectl.
      if (isMap(item.key) || isSeq(item.key))
        problems.forbidden.push(
          diagnostic(
            "schema-wrong-type",
            "error",
            `a key must be text, not a ${isMap(item.key) ? "mapping" : "list"}`,
            rangeOf(item.key, file),
            { hint: "write the key as text" },
          ),
        );
      if (!isScalar(item.key)) continue;
      if (FORBIDDEN_KEYS.has(item.key.value))
        problems.forbidden.push(
          diagnostic(
            "forbidden-key",
            "error",
            `the key '${String(item.key.value)}' is not allowed`,
            rangeOf(item.key, file),
            { hint: "rename the key; it could tamper with objects in tools that read this file" },
          ),
        );
    }
    ancestors.add(node);
    for (const item of items) {
      const ok = isPair(item)
        ? visit(item.key, depth + 1) && visit(item.value, depth + 1)
        : visit(item, depth + 1);
      if (!ok) return false;
    }
    ancestors.delete(node);
    return true;
  };
  visit(document.contents, 1);
  return problems;
}

/**
 * Parses YAML text into documents with positions. Returns one entry per document (one for models),
 * with `value` undefined for a document that could not be used, and the diagnostics.
 */
export function parseYaml(
  text: string,
  file: string,
  options: ParseOptions = {},
): { documents: YamlFile[]; diagnostics: Diagnostic[]; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  if (Buffer.byteLength(text) > limits.maxFileBytes) {
    diagnostics.push(fileTooLarge(file));
    return { documents: [], diagnostics, lineCounter };
  }
  const fast = fastParseAll(text);
  let parsed: ParsedDocument[];
  if (fast) parsed = fast;
  else
    try {
      parsed = parseAllDocuments(text, {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: true,
        // YAML 1.1's !!binary, !!timestamp, !!set and !!omap are read as the text or collection
        // written, as the core schema reads them: no configuration here holds bytes, dates or sets.
        resolveKnownTags: false,
        // Merge keys are applied after toJS (applyMergeKeys): yaml's own merging walks the whole
        // document for every alias it merges, which is slow on compose files full of `<<: *x`.
        merge: false,
      }) as Document.Parsed[];
    } catch (error) {
      // The parser recurses on nested flow collections; a hostile file can exhaust the stack.
      if (error instanceof RangeError) {
        diagnostics.push(tooDeep(file, text, 0));
        return { documents: [], diagnostics, lineCounter };
      }
      throw error;
    }
  if (!Array.isArray(parsed)) parsed = [parsed];
  if (!options.multiDocument && parsed.length > 1) {
    const second = parsed[1]!;
    diagnostics.push(
      diagnostic(
        "yaml-multiple-documents",
        "error",
        "expected one YAML document, found several",
        rangeOf(second.contents, file),
        {
          hint: "remove the '---' separator",
        },
      ),
    );
  }
  const documents: YamlFile[] = [];
  for (const document of parsed) {
    let usable = document.errors.length === 0;
    const found = document.errors.map((error) => documentError(error, document, file, text));
    // A quote left open runs on past the brackets that would close its collections: the quote is the
    // one mistake, where each collection it swallowed was reported too.
    const quote = found.find((d) => d.message.startsWith("Missing closing"));
    for (const d of found)
      if (!(quote && d.message.startsWith("Flow ") && d.start! >= quote.start!)) diagnostics.push(d);
    // The quick reader leaves every such problem to the package, so what it read is clean.
    const tree = usable && !fast ? checkTree(document, file) : undefined;
    if (tree?.tooDeep) {
      usable = false;
      diagnostics.push(
        diagnostic(
          "yaml-too-deep",
          "error",
          `the document nests deeper than ${limits.maxDepth} levels`,
          rangeOf(tree.tooDeep as { range?: [number, number, number] }, file),
        ),
      );
    } else if (tree && (tree.cycles.length > 0 || tree.forbidden.length > 0)) {
      usable = false;
      append(diagnostics, tree.cycles.length > 0 ? tree.cycles : tree.forbidden);
    }
    let value: unknown;
    if (usable) {
      try {
        const plain = toPlain(document, options.mapString);
        value = options.merge && plain.merges ? applyMergeKeys(plain.value, new Map()) : plain.value;
      } catch (error) {
        if (!(error instanceof UnresolvedAlias || error instanceof RangeError)) throw error;
        usable = false;
        diagnostics.push(
          error instanceof UnresolvedAlias
            ? diagnostic(
                "yaml-syntax",
                "error",
                `the alias *${error.alias.source} names no anchor before it`,
                rangeOf(error.alias, file),
                { hint: `define &${error.alias.source} on an earlier value, or write the value out` },
              )
            : diagnostic(
                "yaml-alias-limit",
                "error",
                `the document repeats more than ${limits.maxExpandedValues} values through aliases`,
                rangeOf(document.contents, file),
                { hint: "write the repeated values out, or use fewer aliases" },
              ),
        );
      }
    }
    documents.push({ file, text, document, value: usable ? value : undefined });
  }
  return { documents, diagnostics, lineCounter };
}

/**
 * Nesting that exhausted the parser's stack. Where it ran out depends on the stack's size, so it
 * is reported at the first bracket past the depth limit, found from `from` on.
 */
function tooDeep(file: string, text: string, from: number): Diagnostic {
  const start = firstTooDeep(text, from) ?? from;
  return diagnostic("yaml-too-deep", "error", "the document nests too deeply to read", {
    file,
    start,
    end: start + 1,
  });
}

/**
 * The offset of the first flow bracket (`[` or `{`) nested past the depth limit: the nesting that
 * exhausts a recursive parser is in flow collections, as block nesting needs a line per level.
 * Quoted text (a quote that opens a scalar, not an apostrophe in a word) and comments are passed
 * over; a hostile file is read once, left to right.
 */
export function firstTooDeep(text: string, from = 0): number | undefined {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === "[" || char === "{") {
      if (++depth > limits.maxDepth) return i;
    } else if (char === "]" || char === "}") depth = Math.max(0, depth - 1);
    else if ((char === '"' || char === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]!)))
      i = quoteEnd(text, i);
    else if (char === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
    }
  }
  return undefined;
}

/** Where a quoted scalar starting at `open` ends: `''` escapes a single quote, `\\` a double-quoted character. */
function quoteEnd(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}

/** The character an error of the package says was left open: a quote, `[` or `{`. */
function leftOpen(message: string): string | undefined {
  const quote = /^Missing closing (["'])quote/.exec(message);
  if (quote) return quote[1];
  const flow = /^Flow (map|sequence) in block collection/.exec(message);
  return flow ? (flow[1] === "map" ? "{" : "[") : undefined;
}

/**
 * Where the innermost `opener` still open at `until` was opened, in the document from `from` on: a
 * quote whose text runs past it, or a flow bracket not closed before it. Brackets and quotes open
 * only after a space, a colon, a comma or a bracket (not in a word such as it's or a[0]); comments
 * are passed over.
 */
function openedAt(text: string, until: number, opener: string, from = 0): number | undefined {
  const open: number[] = [];
  for (let i = from; i < Math.min(until, text.length); i++) {
    const char = text[i]!;
    const starts = i === 0 || /[\s[{,:]/.test(text[i - 1]!);
    if ((char === "[" || char === "{") && starts) open.push(i);
    else if (char === "]" || char === "}") open.pop();
    else if ((char === '"' || char === "'") && starts) {
      const end = quoteEnd(text, i);
      if (end >= until) return char === opener ? i : undefined;
      i = end;
    } else if (char === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
    }
  }
  for (let k = open.length - 1; k >= 0; k--) if (text[open[k]!] === opener) return open[k];
  return undefined;
}

/** One of the package's errors in a document, as a located diagnostic. */
function documentError(error: YAMLError, document: ParsedDocument, file: string, text: string): Diagnostic {
  // The package turns its own stack overflow, on hostile nesting, into an error of the document.
  if (error.message.includes("Maximum call stack size exceeded"))
    return tooDeep(file, text, Math.min(document.range[0], text.length));
  // The parser may point one past the end of the text; keep ranges inside it.
  const start = Math.min(error.pos[0], text.length);
  const at = { file, start, end: Math.min(Math.max(error.pos[1], start), text.length) };
  if (error.code !== "DUPLICATE_KEY") {
    // The package notices a quote or a flow collection left open where it gives up on it, often the
    // end of the file: the one to close is where it opens.
    const opener = leftOpen(error.message);
    const opened = opener === undefined ? undefined : openedAt(text, start, opener, document.range[0]);
    return diagnostic(
      "yaml-syntax",
      "error",
      error.message,
      opened === undefined ? at : { file, start: opened, end: opened + 1 },
    );
  }
  // The package points at the key's first character: the key is read from there, to its colon.
  const key = /^("[^"\n]*"|'[^'\n]*'|[^:#\n]{1,80}?)[ \t]*:/.exec(text.slice(start, start + 200))?.[1];
  return diagnostic(
    "yaml-duplicate-key",
    "error",
    key
      ? `the key ${/^["']/.test(key) ? key : `'${key}'`} appears twice in the same mapping`
      : "this key appears twice in the same mapping",
    key ? { ...at, end: start + key.length } : at,
    { hint: "keep one of them: YAML takes a mapping's keys once, and Compose and kubectl refuse the file" },
  );
}

/** An alias with no anchor of its name before it: the package parses it, and fails only on use. */
class UnresolvedAlias extends Error {
  constructor(readonly alias: Alias) {
    super(`unresolved alias *${alias.source}`);
  }
}

/**
 * The document as plain values (each string value through `mapString`, if given), and whether any
 * mapping has a `<<` key. Written here rather than
 * with `toJS`: the library resolves every alias by walking the whole document again and counts
 * aliases the same way, which is slow on files full of anchors. One walk in document order records
 * each anchor's value as it is met; an alias takes that value (shared, as toJS shares it), and what
 * aliases expand to is counted against a budget, so an alias bomb is stopped before anything
 * expands it.
 */
function toPlain(
  document: ParsedDocument,
  mapString?: (text: string, key?: string) => string,
): { value: unknown; merges: boolean } {
  let mapValue = mapString;
  const anchors = new Map<string, { value: unknown; size: number }>();
  let expanded = 0;
  // Values made so far; an anchored node's size is how many it made.
  let made = 0;
  let merges = false;
  const convert = (node: unknown, key?: string): unknown => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) throw new UnresolvedAlias(node);
      expanded += target.size;
      if (expanded > limits.maxExpandedValues) throw new RangeError("too many values through aliases");
      made += target.size;
      return target.value;
    }
    const before = made++;
    let value: unknown;
    if (isScalar(node))
      value = mapValue && typeof node.value === "string" ? mapValue(node.value, key) : node.value;
    else if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const pairs = node.items;
      for (let i = 0; i < pairs.length; i++) {
        const pair = pairs[i]!;
        let name: unknown;
        if (isScalar(pair.key)) name = pair.key.value;
        else {
          // A complex key is not counted among the values its mapping holds, nor mapped as one.
          const counted = made;
          const mapping = mapValue;
          mapValue = undefined;
          name = convert(pair.key);
          made = counted;
          mapValue = mapping;
        }
        if (name === "<<") merges = true;
        out[typeof name === "object" && name !== null ? JSON.stringify(name) : String(name)] = convert(
          pair.value,
          typeof name === "string" ? name : undefined,
        );
      }
      value = out;
    } else if (isSeq(node)) value = node.items.map((item) => convert(item));
    else value = null;
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.set(anchor, { value, size: made - before });
    return value;
  };
  const value = convert(document.contents);
  return { value, merges };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * YAML 1.1 merge keys: `<<: *base` or `<<: [*a, *b]` copies the keys the mapping does not set
 * itself, earlier sources first. Aliases share objects, so each is merged once (`done`).
 */
function applyMergeKeys(value: unknown, done: Map<object, unknown>): unknown {
  if (value === null || typeof value !== "object") return value;
  const seen = done.get(value);
  if (seen !== undefined) return seen;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    done.set(value, out);
    for (let i = 0; i < value.length; i++) out.push(applyMergeKeys(value[i], done));
    return out;
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  done.set(value, out);
  const merge = source["<<"];
  const sources = (Array.isArray(merge) ? merge : [merge]).map((m) => applyMergeKeys(m, done));
  const mergeable = merge !== undefined && sources.every(isPlainObject);
  const keys = Object.keys(source);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === "<<" && mergeable) continue;
    out[key] = applyMergeKeys(source[key], done);
  }
  if (mergeable) {
    for (const from of sources as Record<string, unknown>[]) {
      const names = Object.keys(from);
      for (let i = 0; i < names.length; i++)
        if (!Object.hasOwn(out, names[i]!)) out[names[i]!] = from[names[i]!];
    }
  }
  return out;
}

/** Pairs of a mapping by key, built once per mapping: findings locate many paths in one file. */
const pairIndex = new WeakMap<object, Map<string, { key: unknown; value: unknown }>>();

function pairOf(map: { items: { key: unknown; value: unknown }[] }, step: string | number) {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name !== undefined && !index.has(name)) index.set(name, pair);
    }
    pairIndex.set(map, index);
  }
  return index.get(String(step));
}

/** Anchored nodes by name, in document order, found once per document. */
const anchorIndex = new WeakMap<object, Map<string, Node[]>>();

function anchorsOf(document: ParsedDocument): Map<string, Node[]> {
  let anchors = anchorIndex.get(document);
  if (anchors) return anchors;
  anchors = new Map();
  const stack: unknown[] = [document.contents];
  const found: Node[] = [];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) for (const pair of node.items) stack.push(pair.value, pair.key);
    else if (isSeq(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    if ((node as Node | null)?.anchor) found.push(node as Node);
  }
  found.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
  for (const node of found) {
    const named = anchors.get(node.anchor!) ?? [];
    named.push(node);
    anchors.set(node.anchor!, named);
  }
  anchorIndex.set(document, anchors);
  return anchors;
}

/** What an alias stands for: the last node anchored by its name before it. */
function dealiased(document: ParsedDocument, node: unknown): unknown {
  for (let hops = 0; isAlias(node) && hops < 16; hops++) {
    const start = (node as Alias).range?.[0] ?? Number.POSITIVE_INFINITY;
    const candidates = anchorsOf(document).get((node as Alias).source) ?? [];
    node = candidates.filter((n) => (n.range?.[0] ?? 0) < start).at(-1);
  }
  return node;
}

/**
 * A mapping's pair for a key, or the pair a merge key (`<<: *base`) brings in, the first source
 * first, as the merge itself does: a finding about what an anchor defines points into the anchor.
 */
function mergedPairOf(
  document: ParsedDocument,
  map: Parameters<typeof pairOf>[0],
  step: string | number,
  seen = new Set<object>(),
): ReturnType<typeof pairOf> {
  const own = pairOf(map, step);
  if (own || seen.has(map)) return own;
  seen.add(map);
  const merge = pairOf(map, "<<");
  if (!merge) return undefined;
  const value = dealiased(document, merge.value);
  for (const source of isSeq(value) ? value.items : [value]) {
    const base = dealiased(document, source);
    const found = isMap(base) ? mergedPairOf(document, base, step, seen) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * The entry a name stands for in a list written as `NAME=value` or `NAME` items (environment and
 * labels in their list form, depends_on as a list), so that a path by name reaches the entry: the
 * last that names it, as Compose takes the last of a name written twice.
 */
function namedEntry(items: unknown[], name: string): unknown {
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index];
    if (!isScalar(item)) continue;
    const value = String(item.value);
    if (value === name || (value.startsWith(name) && value[name.length] === "=")) return item;
  }
  return undefined;
}

/**
 * The nodes along a key path, as far as the file has it: the root first, then for each step the
 * pair's key (when the step is a mapping key) and the value. One walk, however many are asked for.
 */
function nodesAlong(document: ParsedDocument, path: KeyPath): { key?: Node; value?: Node }[] {
  const along: { key?: Node; value?: Node }[] = [
    { value: (document.contents ?? undefined) as Node | undefined },
  ];
  let current: unknown = document.contents;
  for (const step of path) {
    current = dealiased(document, current);
    if (isMap(current)) {
      const pair = mergedPairOf(document, current, step);
      if (!pair) break;
      current = pair.value;
      along.push({ key: pair.key as Node, value: (current ?? undefined) as Node | undefined });
    } else if (isSeq(current)) {
      current = typeof step === "number" ? current.items[step] : namedEntry(current.items, step);
      if (current === undefined) break;
      along.push({ value: (current ?? undefined) as Node | undefined });
    } else break;
  }
  return along;
}

/** Whether the file has a node at exactly this key path. */
export function hasPath(yaml: YamlFile, path: KeyPath): boolean {
  return nodesAlong(yaml.document, path).length - 1 === path.length;
}

/**
 * Where a key path is in the file, and how many of its steps the file has: the key itself when
 * `prefer` is "key" (for "unknown key", or for an element's own position), else its value. Falls
 * back to the nearest existing ancestor. A value taken through an alias is where its anchor writes
 * it, with the alias as `via`.
 */
export function reach(
  yaml: YamlFile,
  path: KeyPath,
  prefer: "key" | "value" = "key",
): { depth: number; range: SourceRange } {
  const along = nodesAlong(yaml.document, path);
  for (let depth = along.length - 1; depth >= 0; depth--) {
    const { key, value } = along[depth]!;
    const node = prefer === "key" ? (key ?? value) : (value ?? key);
    if (!node?.range) continue;
    // A value an alias takes is written, and fixed, at its anchor; the alias is where it is used.
    const anchored = (isAlias(node) ? dealiased(yaml.document, node) : undefined) as Node | undefined;
    const found = rangeOf(anchored?.range ? anchored : node, yaml.file);
    const alias = anchored?.range ? node : lastAlias(along.slice(0, depth));
    if (isAlias(alias)) found.via = aliasSite(alias, yaml.file);
    return { depth: along.length - 1, range: withoutBreaksAfter(yaml.text, found) };
  }
  return { depth: along.length - 1, range: { file: yaml.file, start: 0, end: 0 } };
}

/** The alias nearest the end of a walk that the walk went through, to a value in its anchor. */
function lastAlias(along: readonly { value?: Node }[]): Node | undefined {
  for (let depth = along.length - 1; depth >= 0; depth--)
    if (isAlias(along[depth]!.value)) return along[depth]!.value;
  return undefined;
}

function aliasSite(alias: Alias, file: string): RelatedLocation {
  return { ...rangeOf(alias, file), message: `used here through the alias *${alias.source}` };
}

/** A block scalar's (`|`, `>`) range takes in the line breaks after it: it ends on its last line. */
function withoutBreaksAfter(text: string, range: SourceRange): SourceRange {
  const header = text[range.start];
  if (header !== "|" && header !== ">") return range;
  let end = range.end;
  while (end > range.start && /\s/.test(text[end - 1]!)) end--;
  return end === range.end ? range : { ...range, end };
}

/** Where a key path is in the file (see `reach`). */
export function locate(yaml: YamlFile, path: KeyPath, prefer: "key" | "value" = "key"): SourceRange {
  return reach(yaml, path, prefer).range;
}
