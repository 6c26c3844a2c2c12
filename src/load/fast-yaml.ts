/**
 * A quick reader for the YAML that models and most configuration files are written in: block
 * mappings and sequences; flow collections, also over several lines; plain and quoted scalars on
 * one line; literal and folded block scalars; anchors, aliases and local tags (Compose's `!reset`);
 * comments; several documents between `---` lines (Kubernetes manifests). It builds the `yaml`
 * package's own nodes with the same values and the same start and end offsets, so everything
 * downstream is unchanged; on anything else (other tags, multi-line plain or quoted scalars, `...`
 * and directives, anything malformed) it gives up and the `yaml` package reads the file.
 * Why: the package takes about 40 ms to read a 15 KB model in a fresh process, most of a command's
 * budget; this takes a few.
 */
import type { Alias, Document } from "yaml";
import { Scalar, YAMLMap, YAMLSeq } from "yaml";
import { FORBIDDEN_KEYS } from "./forbidden-keys.js";
import { limits } from "./limits.js";
import { aliasNode, mapNode, pairNode, scalarNode, seqNode } from "./yaml-nodes.js";

// Thrown for anything left to the package. One object, not an Error: giving up is routine (every
// line is first tried as a key), and capturing a stack trace each time cost more than the reading.
const UNSUPPORTED = Symbol("unsupported");

type Node = Scalar | YAMLMap | YAMLSeq | Alias;

const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** The YAML 1.2 core schema, as the `yaml` package resolves plain scalars by default. */
function resolvePlain(text: string): unknown {
  // Only a digit, a sign or a dot starts a number: anything else is a null, a boolean or text,
  // told apart without a pattern (most plain scalars are words: keys, images, names).
  const first = text.charCodeAt(0);
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46)) {
    switch (text) {
      case "":
      case "~":
      case "null":
      case "Null":
      case "NULL":
        return null;
      case "true":
      case "True":
      case "TRUE":
        return true;
      case "false":
      case "False":
      case "FALSE":
        return false;
      default:
        return text;
    }
  }
  if (INT.test(text)) {
    const value = Number(text);
    if (!Number.isSafeInteger(value)) throw UNSUPPORTED;
    return value;
  }
  if (OCT.test(text)) return Number.parseInt(text.slice(2), 8);
  if (HEX.test(text)) return Number.parseInt(text.slice(2), 16);
  if (FLOAT.test(text) || EXP.test(text)) return Number(text);
  if (INF.test(text)) return text.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (NAN.test(text)) return Number.NaN;
  return text;
}

/** Characters a plain scalar never starts with. */
const NEVER_STARTS_PLAIN = "&*!|>%@`{}[],#'\"";

/** Whether a character code (NaN past the end) ends a plain scalar after `:`, or makes `-` an indicator. */
const separates = (code: number) =>
  code === 32 || code === 10 || code === 44 || code === 93 || code === 125 || Number.isNaN(code);

const HEX_DIGITS = /^[0-9a-fA-F]+$/;

/** Anchor names as compose files write them; YAML allows more, which is left to the package. */
const ANCHOR_NAME = /[A-Za-z0-9_.-]+/y;
const LOCAL_TAG = /![A-Za-z][A-Za-z0-9-]*/y;

const ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\x85",
  _: "\xa0",
  L: "\u2028",
  P: "\u2029",
};

interface GapComment {
  column: number;
  /** Where its line ends (after the line break). */
  end: number;
}

interface Gap {
  comments: readonly GapComment[];
  /** Column of the next content, or -1 at the end of the text. */
  next: number;
  /** Offset of the next content (or of the end). */
  at: number;
}

/** The comments of most gaps: none. Shared, and never added to. */
const NO_COMMENTS: readonly GapComment[] = Object.freeze([]);

/** Characters no plain or quoted key starts with. */
const NOT_A_KEY = new Set([..."&*!|>%@`{}[],#\n", ""]);

/**
 * A folded scalar's lines joined as YAML folds them: a line break between two lines of text becomes
 * a space, or goes away before empty lines (each of which stays a line break); a break next to a
 * more indented line stays as it is.
 */
function fold(lines: string[]): string {
  let out = "";
  let previous: "text" | "indented" | undefined;
  let empty = 0;
  for (const line of lines) {
    if (line === "") {
      empty++;
      continue;
    }
    const kind = line.startsWith(" ") ? "indented" : "text";
    if (previous === undefined) out += "\n".repeat(empty);
    else if (previous === "text" && kind === "text") out += empty === 0 ? " " : "\n".repeat(empty);
    else out += "\n".repeat(empty + 1);
    out += line;
    previous = kind;
    empty = 0;
  }
  return out;
}

const isBlockCollection = (node: Node): node is YAMLMap | YAMLSeq =>
  (node instanceof YAMLMap || node instanceof YAMLSeq) && !node.flow;

class Reader {
  pos = 0;
  /** Comments a finished collection passes up to the one around it. */
  carried: readonly GapComment[] = NO_COMMENTS;
  /** Collections open around `pos`: deep nesting is left to the package and its limits. */
  depth = 0;
  /** Lines inside a flow collection must be indented deeper than this: the block around it. */
  flowIndent = -1;
  /** Names whose latest anchor's node is still being read: an alias to one would be a cycle. */
  open = new Set<string>();

  constructor(readonly text: string) {}

  fail(): never {
    throw UNSUPPORTED;
  }

  enter(): void {
    if (++this.depth > limits.maxDepth) this.fail();
  }

  char(at = this.pos): string {
    // charAt, not [at]: past the end it gives "" as it is, where reading past the end made V8 throw
    // away what it had compiled for the reader, which reaches the end of every file.
    return this.text.charAt(at);
  }

  /** Start of the line holding `at`. */
  lineStart(at: number): number {
    return this.text.lastIndexOf("\n", at - 1) + 1;
  }

  column(at: number): number {
    return at - this.lineStart(at);
  }

  skipSpaces(): void {
    while (this.char() === " ") this.pos++;
    if (this.char() === "\t") this.fail();
  }

  /** After a value on its line: spaces, perhaps a comment, then the line's end. Returns the node end. */
  endOfLine(): number {
    this.skipSpaces();
    if (this.char() === "#") {
      if (this.pos > 0 && !/[ \n]/.test(this.char(this.pos - 1))) this.fail();
      while (this.pos < this.text.length && this.char() !== "\n") this.pos++;
    }
    if (this.pos < this.text.length) {
      if (this.char() === "\r" && this.char(this.pos + 1) === "\n") this.fail();
      if (this.char() !== "\n") this.fail();
      this.pos++;
    }
    return this.pos;
  }

  /** Skips blank and comment lines; returns the column of the next content, or -1 at the end. */
  nextContent(): number {
    for (;;) {
      const start = this.pos;
      while (this.char() === " ") this.pos++;
      const c = this.char();
      if (c === "\t" || c === "\r") this.fail();
      if (c === "") return -1;
      if (c === "\n") {
        this.pos++;
        continue;
      }
      if (c === "#") {
        while (this.pos < this.text.length && this.char() !== "\n") this.pos++;
        continue;
      }
      if (start !== this.lineStart(this.pos)) this.fail();
      return this.pos - start;
    }
  }

  // ---- scalars ----

  /** A quoted scalar on one line, at `pos`. */
  quoted(): Scalar {
    const start = this.pos;
    const quote = this.char();
    let value = "";
    this.pos++;
    for (;;) {
      const c = this.char();
      if (c === "" || c === "\n") this.fail();
      if (quote === "'" && c === "'") {
        if (this.char(this.pos + 1) === "'") {
          value += "'";
          this.pos += 2;
          continue;
        }
        this.pos++;
        break;
      }
      if (quote === '"' && c === '"') {
        this.pos++;
        break;
      }
      if (quote === '"' && c === "\\") {
        const next = this.char(this.pos + 1);
        if (next === "x" || next === "u" || next === "U") {
          const length = next === "x" ? 2 : next === "u" ? 4 : 8;
          const hex = this.text.slice(this.pos + 2, this.pos + 2 + length);
          if (hex.length !== length || !HEX_DIGITS.test(hex)) this.fail();
          value += String.fromCodePoint(Number.parseInt(hex, 16));
          this.pos += 2 + length;
          continue;
        }
        const escaped = ESCAPES[next];
        if (escaped === undefined) this.fail();
        value += escaped;
        this.pos += 2;
        continue;
      }
      value += c;
      this.pos++;
    }
    return scalarNode(value, quote === '"' ? "QUOTE_DOUBLE" : "QUOTE_SINGLE", [start, this.pos, this.pos]);
  }

  /**
   * Where a plain scalar from `pos` ends: before `: `, ` #`, the line's end or (in flow) an
   * indicator. Leaves `pos` there. Character codes, not strings: this loop reads most of a file.
   */
  plainEnd(flow: boolean): number {
    const text = this.text;
    const start = this.pos;
    const first = text.charCodeAt(start);
    if (NEVER_STARTS_PLAIN.includes(text[start] ?? "")) this.fail();
    // `-`, `?` and `:` start a plain scalar only when something other than a separator follows.
    if ((first === 45 || first === 63 || first === 58) && separates(text.charCodeAt(start + 1))) this.fail();
    let end = start;
    // Whether a space came last, which makes a `#` start a comment. Kept at every step, not looked
    // back for at a `#`: V8 compiles the loop before most files show one, and the first would throw
    // away what it compiled.
    let afterSpace = false;
    for (let at = start; at < text.length; ) {
      const c = text.charCodeAt(at);
      if (c === 10 || c === 13 || c === 9) break;
      if (c === 58 && separates(text.charCodeAt(at + 1))) break;
      if (c === 35 && afterSpace) break;
      if (flow && (c === 44 || c === 91 || c === 93 || c === 123 || c === 125)) break;
      at++;
      afterSpace = c === 32;
      if (!afterSpace) end = at;
    }
    this.pos = end;
    return end;
  }

  plain(flow: boolean, raw = false): Scalar {
    const start = this.pos;
    const end = this.plainEnd(flow);
    const text = this.text.slice(start, end);
    return scalarNode(raw ? text : resolvePlain(text), "PLAIN", [start, end, end]);
  }

  key(flow = false): Scalar {
    const c = this.char();
    const key = c === '"' || c === "'" ? this.quoted() : this.plain(flow);
    if (typeof key.value === "object" && key.value !== null) this.fail();
    return key;
  }

  // ---- flow collections (on one line) ----

  flowSpaces(): void {
    while (this.char() === " ") this.pos++;
    const c = this.char();
    if (c === "\n" || c === "" || c === "#" || c === "\t" || c === "\r") this.fail();
  }

  /**
   * Between the items of a flow collection: spaces, comments, and line breaks when the next line is
   * indented deeper than the block around the collection (a closing bracket may stand at its level).
   */
  flowBreaks(): void {
    for (;;) {
      while (this.char() === " ") this.pos++;
      // The package wants a space before a comment here, even at the start of a line.
      if (this.char() === "#" && this.char(this.pos - 1) === " ") {
        const end = this.text.indexOf("\n", this.pos);
        this.pos = end === -1 ? this.text.length : end;
      }
      if (this.char() !== "\n") break;
      this.pos++;
      const lineStart = this.pos;
      while (this.char() === " ") this.pos++;
      if (this.char() === "\n") continue;
      // The closing bracket may stand at the block's own indentation; nothing else may.
      const closing = this.char() === "]" || this.char() === "}";
      if (this.pos - lineStart < this.flowIndent + (closing ? 0 : 1)) this.fail();
    }
    const c = this.char();
    if (c === "" || c === "#" || c === "\t" || c === "\r") this.fail();
  }

  /** `&name` before a node: the name, with `pos` after it and the spaces that follow. */
  anchor(): string {
    ANCHOR_NAME.lastIndex = this.pos + 1;
    const name = ANCHOR_NAME.exec(this.text)?.[0];
    if (!name) this.fail();
    this.pos += 1 + name.length;
    if (!/[ \n]|^$/.test(this.char())) this.fail();
    while (this.char() === " ") this.pos++;
    return name;
  }

  /** `*name`: the node an anchor named. */
  alias(): Alias {
    const start = this.pos;
    ANCHOR_NAME.lastIndex = this.pos + 1;
    const name = ANCHOR_NAME.exec(this.text)?.[0];
    if (!name) this.fail();
    this.pos += 1 + name.length;
    if (!/[ \n,\]}]|^$/.test(this.char())) this.fail();
    // Inside the node its anchor names: a cycle, which the package's path reports.
    if (this.open.has(name)) this.fail();
    return aliasNode(name, [start, this.pos, this.pos]);
  }

  flowNode(): Node {
    const c = this.char();
    if (c === "*") return this.alias();
    if (c === "&") {
      const anchor = this.anchor();
      this.flowSpaces();
      const c = this.char();
      if (c === "&" || c === "*" || c === "," || c === "]" || c === "}") this.fail();
      this.open.add(anchor);
      const node = this.flowNode();
      this.open.delete(anchor);
      node.anchor = anchor;
      return node;
    }
    if (c === "{") return this.flowMap();
    if (c === "[") return this.flowSeq();
    if (c === '"' || c === "'") return this.quoted();
    return this.plain(true);
  }

  flowMap(): YAMLMap {
    this.enter();
    const start = this.pos;
    const map = mapNode(true, [start, start, start]);
    this.pos++;
    const keys = new Set<unknown>();
    this.flowBreaks();
    while (this.char() !== "}") {
      const key = this.key(true);
      // Left to the package's path, which reports them.
      if (keys.has(key.value) || FORBIDDEN_KEYS.has(key.value)) this.fail();
      keys.add(key.value);
      this.flowSpaces();
      if (this.char() !== ":") this.fail();
      this.pos++;
      let value: Node;
      if (this.char() === " ") {
        this.flowSpaces();
        if (this.char() === "," || this.char() === "}") value = this.implicitNull(this.pos);
        else value = this.flowNode();
      } else if (this.char() === "," || this.char() === "}") value = this.implicitNull(this.pos);
      else this.fail();
      map.items.push(pairNode(key, value));
      this.flowBreaks();
      this.afterFlowItem("}");
    }
    this.pos++;
    map.range = [start, this.pos, this.pos];
    this.depth--;
    return map;
  }

  flowSeq(): YAMLSeq {
    this.enter();
    const start = this.pos;
    const seq = seqNode(true, [start, start, start]);
    this.pos++;
    this.flowBreaks();
    while (this.char() !== "]") {
      const item = this.flowNode();
      seq.items.push(item);
      this.flowBreaks();
      // `[a: b]` is a mapping inside a sequence: left to the package.
      if (this.char() === ":") this.fail();
      this.afterFlowItem("]");
    }
    this.pos++;
    seq.range = [start, this.pos, this.pos];
    this.depth--;
    return seq;
  }

  /** After an item of a flow collection: a comma and the breaks after it, or the closing bracket. */
  afterFlowItem(close: "}" | "]"): void {
    if (this.char() === ",") {
      this.pos++;
      this.flowBreaks();
    } else if (this.char() !== close) this.fail();
  }

  implicitNull(at: number, end = at): Scalar {
    return scalarNode(null, "PLAIN", [at, at, end]);
  }

  // ---- block structure ----

  /** The key a mapping starts with at `pos` (`key:` then a space or the line's end), read once. */
  keyHere(): Scalar | undefined {
    if (NOT_A_KEY.has(this.char())) return undefined;
    const save = this.pos;
    try {
      const key = this.key();
      while (this.char() === " ") this.pos++;
      return this.char() === ":" && /[ \n]|^$/.test(this.char(this.pos + 1)) ? key : undefined;
    } catch (error) {
      if (error !== UNSUPPORTED) throw error;
      return undefined;
    } finally {
      this.pos = save;
    }
  }

  isDash(at = this.pos): boolean {
    if (this.text.charCodeAt(at) !== 45) return false;
    const next = this.text.charCodeAt(at + 1);
    return next === 32 || next === 10 || Number.isNaN(next);
  }

  /**
   * The blank and comment lines from `pos` (a line's start) to the next content, without moving:
   * each comment's column and where its line ends, and the next content's column and offset.
   */
  gap(): Gap {
    let comments: GapComment[] = NO_COMMENTS as GapComment[];
    let at = this.pos;
    for (;;) {
      let column = 0;
      while (this.char(at) === " ") {
        at++;
        column++;
      }
      const c = this.char(at);
      if (c === "\t" || c === "\r") this.fail();
      if (c === "") return { comments, next: -1, at };
      if (c === "\n") {
        at++;
        continue;
      }
      if (c !== "#") return { comments, next: column, at };
      let end = this.text.indexOf("\n", at);
      end = end === -1 ? this.text.length : end + 1;
      if (comments === NO_COMMENTS) comments = [];
      comments.push({ column, end });
      at = end;
    }
  }

  /** The value after `key:` or `- ` on the same line, or on the lines below (deeper than `indent`). */
  valueAfter(indent: number, allowSeqAtIndent: boolean): Node {
    while (this.char() === " ") this.pos++;
    const c = this.char();
    if (c === "\t") this.fail();
    if (c === "\n" || c === "" || c === "#") {
      const at = this.pos;
      if (c === "#") this.endOfLine();
      else if (c === "\n") this.pos++;
      const gap = this.gap();
      const startsSeq = this.isDash(gap.at);
      if (gap.next > indent || (allowSeqAtIndent && gap.next === indent && startsSeq)) {
        this.pos = gap.at;
        return this.block(gap.next);
      }
      // Comments after an empty value that ends the text stretch it, and the collections it ends,
      // to the end; where one ends only its collection, the package's reckoning is not worth copying.
      if (gap.comments.length > 0 && gap.next === -1) return this.implicitNull(at, this.text.length);
      // Where the collection goes on (a key after a key, a dash after a dash), they change nothing.
      const goesOn = gap.next === indent && (allowSeqAtIndent || this.isDash(gap.at));
      if (gap.comments.length > 0 && !goesOn) this.fail();
      // An empty value with a comment reaches to the next content; without one, it is only a point.
      return this.implicitNull(at, c === "#" ? gap.at : at);
    }
    if (c === "|" || c === ">") return this.blockScalar(indent);
    if (c === "*") {
      const alias = this.alias();
      if (this.char() !== " " && this.char() !== "\n" && this.char() !== "") this.fail();
      alias.range = [alias.range![0], alias.range![1], this.endOfLine()];
      return alias;
    }
    if (c === "&" || c === "!") return this.withProperties(indent, allowSeqAtIndent);
    if (c === "%" || c === "@" || c === "`") this.fail();
    if (c === "?" && /[ \n]|^$/.test(this.char(this.pos + 1))) this.fail();
    // A sequence or mapping may start on the line of a `- `, never on the line of a `key:`.
    if (this.isDash()) {
      if (allowSeqAtIndent) this.fail();
      return this.blockSeq(this.column(this.pos));
    }
    if (c === "{" || c === "[") return this.valueOnLine(indent);
    // A scalar, or the first key of a mapping that starts here: read once, then told apart.
    const start = this.pos;
    const scalar = this.key();
    while (this.char() === " ") this.pos++;
    if (this.char() === ":" && /[ \n]|^$/.test(this.char(this.pos + 1))) {
      if (allowSeqAtIndent) this.fail();
      this.pos = start;
      return this.blockMap(this.column(start), scalar);
    }
    this.pos = scalar.range![1];
    scalar.range = [scalar.range![0], scalar.range![1], this.endOfLine()];
    return scalar;
  }

  /** A scalar or flow collection at `pos`, the rest of its line after it; a plain scalar kept as text when `raw`. */
  valueOnLine(indent: number, raw = false): Node {
    const c = this.char();
    this.flowIndent = indent;
    const node =
      c === "{"
        ? this.flowMap()
        : c === "["
          ? this.flowSeq()
          : c === '"' || c === "'"
            ? this.quoted()
            : this.plain(false, raw);
    const end = this.endOfLine();
    node.range = [node.range![0], node.range![1], end];
    return node;
  }

  /**
   * `&name` and `!tag` (either or both) and the node they belong to: a scalar or flow collection on
   * their line, or a block collection on the lines below. Properties on a key or a block scalar are
   * left to the package.
   */
  withProperties(indent: number, allowSeqAtIndent: boolean): Node {
    let anchor: string | undefined;
    let tag: string | undefined;
    for (let c = this.char(); c === "&" || c === "!"; c = this.char()) {
      if (c === "&") {
        if (anchor !== undefined) this.fail();
        anchor = this.anchor();
      } else {
        if (tag !== undefined) this.fail();
        tag = this.tag();
      }
    }
    const c = this.char();
    if (anchor !== undefined) this.open.add(anchor);
    let node: Node;
    if (c === "\n" || c === "" || c === "#") {
      this.endOfLine();
      const gap = this.gap();
      const below = gap.next > indent || (allowSeqAtIndent && gap.next === indent && this.isDash(gap.at));
      if (!below) this.fail();
      this.pos = gap.at;
      node = this.block(gap.next);
      if (!isBlockCollection(node)) this.fail();
    } else {
      if ("*|>%@`?".includes(c) || this.isDash() || this.keyHere()) this.fail();
      node = this.valueOnLine(indent, tag !== undefined);
    }
    if (anchor !== undefined) {
      this.open.delete(anchor);
      node.anchor = anchor;
    }
    if (tag !== undefined) (node as Scalar | YAMLMap | YAMLSeq).tag = tag;
    return node;
  }

  /**
   * `!name`, a local tag such as Compose's `!reset` and `!override`, with `pos` after it and the
   * spaces that follow. The package resolves no such tag: a plain scalar keeps its text as written.
   */
  tag(): string {
    LOCAL_TAG.lastIndex = this.pos;
    const tag = LOCAL_TAG.exec(this.text)?.[0];
    if (!tag) this.fail();
    this.pos += tag.length;
    if (!/[ \n]|^$/.test(this.char())) this.fail();
    while (this.char() === " ") this.pos++;
    return tag;
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar, clipped or stripped (`-`), its lines all at one
   * indentation (a literal one may have empty lines inside). Anything subtler is left to the package.
   */
  blockScalar(indent: number): Scalar {
    const start = this.pos;
    const folded = this.char() === ">";
    this.pos++;
    const strip = this.char() === "-";
    if (strip) this.pos++;
    if (this.char() !== "\n") this.fail();
    this.pos++;
    const lines: string[] = [];
    let column = -1;
    let end = this.pos;
    for (;;) {
      const lineStart = this.pos;
      let lineEnd = this.text.indexOf("\n", lineStart);
      if (lineEnd === -1) lineEnd = this.text.length;
      const line = this.text.slice(lineStart, lineEnd);
      if (line === "") {
        if (lineEnd === this.text.length) break;
        lines.push("");
        this.pos = lineEnd + 1;
        continue;
      }
      const spaces = line.length - line.trimStart().length;
      // A line of spaces alone belongs to the scalar at any indentation: left to the package.
      if (spaces === line.length) this.fail();
      if (column === -1) {
        if (spaces <= indent) this.fail();
        column = spaces;
      }
      if (spaces < column) break;
      lines.push(line.slice(column));
      this.pos = Math.min(lineEnd + 1, this.text.length);
      end = this.pos;
    }
    if (column === -1) this.fail();
    this.pos = end;
    while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    const body = folded ? fold(lines) : lines.join("\n");
    return scalarNode(strip ? body : `${body}\n`, folded ? "BLOCK_FOLDED" : "BLOCK_LITERAL", [
      start,
      end,
      end,
    ]);
  }

  /** A block node whose first line's content is at `pos`, at `column`. */
  block(column: number): Node {
    return this.valueAfter(column - 1, false);
  }

  /**
   * After an item's value: comment lines indented deeper than the collection, before any other,
   * belong to a scalar or flow value (its range grows over them); the others wait for what comes
   * next. Returns the waiting comments and the next content; leaves `pos` at that content.
   */
  afterItem(value: Node, column: number): { pending: readonly GapComment[]; gap: Gap } {
    const gap = this.gap();
    let pending = gap.comments;
    if (isBlockCollection(value)) pending = this.carried;
    else if (value instanceof Scalar && String(value.type).startsWith("BLOCK")) {
      // A block scalar ends before the comments after it: they wait, whatever their indentation.
    } else {
      let absorbed = 0;
      while (absorbed < pending.length && pending[absorbed]!.column > column) absorbed++;
      if (absorbed > 0) {
        const [start, end, nodeEnd] = value.range!;
        value.range = [start, end, Math.max(nodeEnd, pending[absorbed - 1]!.end)];
        pending = pending.slice(absorbed);
      }
    }
    this.carried = NO_COMMENTS;
    return { pending, gap };
  }

  /**
   * Where a finished collection ends: comments waiting after it stay with it (its range grows to
   * the next content) unless it is at the left margin or every one of them is less indented, in
   * which case they go up to the collection around it.
   */
  finish(
    node: YAMLMap | YAMLSeq,
    start: number,
    column: number,
    last: Node,
    pending: readonly GapComment[],
    gap: Gap,
  ) {
    const end = last.range![2];
    const stays = pending.length > 0 && column !== 0 && !pending.every((p) => p.column < column);
    node.range = [start, end, stays ? gap.at : end];
    this.carried = stays ? NO_COMMENTS : pending;
  }

  /** A block mapping at `column`, whose first key (at `pos`) has been read already. */
  blockMap(column: number, first: Scalar): YAMLMap {
    this.enter();
    const start = this.pos;
    const map = mapNode(false, [start, start, start]);
    const keys = new Set<unknown>();
    let read: Scalar | undefined = first;
    for (;;) {
      const key = read ?? this.key();
      if (read) this.pos = read.range![1];
      read = undefined;
      if (keys.has(key.value) || FORBIDDEN_KEYS.has(key.value)) this.fail();
      keys.add(key.value);
      while (this.char() === " ") this.pos++;
      if (this.char() !== ":") this.fail();
      this.pos++;
      const value = this.valueAfter(column, true);
      map.items.push(pairNode(key, value));
      const { pending, gap } = this.afterItem(value, column);
      if (gap.next === column && !this.isDash(gap.at)) {
        this.pos = gap.at;
        continue;
      }
      if (gap.next > column) this.fail();
      this.finish(map, start, column, value, pending, gap);
      this.depth--;
      return map;
    }
  }

  blockSeq(column: number): YAMLSeq {
    this.enter();
    const start = this.pos;
    const seq = seqNode(false, [start, start, start]);
    for (;;) {
      this.pos++;
      const value = this.valueAfter(column, false);
      seq.items.push(value);
      const { pending, gap } = this.afterItem(value, column);
      if (gap.next === column && this.isDash(gap.at)) {
        this.pos = gap.at;
        continue;
      }
      if (gap.next > column) this.fail();
      this.finish(seq, start, column, value, pending, gap);
      this.depth--;
      return seq;
    }
  }
}

/** What readers use of a parsed document; the package's own `Document` is costly to make. */
export interface ParsedDocument {
  contents: Document.Parsed["contents"];
  errors: Document.Parsed["errors"];
  range: Document.Parsed["range"];
}

/** A `---` line: where a document starts. */
const DOCUMENT_START = /^---(?=[ \n]|$)/gm;
/** A `...` line ends a document; left to the package, with directives. */
const DOCUMENT_END = /^\.\.\.(?=[ \n]|$)/m;

/**
 * The documents of a text as the `yaml` package would parse them (with no errors), or undefined
 * when the text uses anything this reader leaves to the package. That includes all the loader must
 * report (keys such as `__proto__`, an alias inside its own anchor, nesting deeper than the limit),
 * so what this reads needs no further check. Each document is read up to the next `---` line, on a
 * prefix of the text, so every offset is the text's own.
 */
export function fastParseAll(text: string): ParsedDocument[] | undefined {
  if (text.includes("\t") || text.includes("\r") || text.charCodeAt(0) === 0xfeff) return undefined;
  if (DOCUMENT_END.test(text)) return undefined;
  const starts = [0];
  for (const marker of text.matchAll(DOCUMENT_START)) if (marker.index > 0) starts.push(marker.index);
  const documents: ParsedDocument[] = [];
  try {
    for (const [i, start] of starts.entries()) {
      const end = starts[i + 1] ?? text.length;
      const document = readDocument(text.slice(0, end), start);
      if (document) documents.push(document);
    }
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
  return documents;
}

/**
 * One document from `start` to the end of `text`: its `---` line (if any), comments, and a node.
 * Without a node, an empty document after a `---` (a null where the marker's line goes on), and
 * nothing before the first (the package makes no document of comments alone).
 */
function readDocument(text: string, start: number): ParsedDocument | undefined {
  const reader = new Reader(text);
  reader.pos = start;
  let column = reader.nextContent();
  let marker: number | undefined;
  if (column === 0 && text.startsWith("---", reader.pos) && /[ \n]|^$/.test(reader.char(reader.pos + 3))) {
    reader.pos += 3;
    while (reader.char() === " ") reader.pos++;
    marker = reader.pos;
    reader.endOfLine();
    column = reader.nextContent();
  }
  let contents: Node;
  if (column === -1) {
    if (marker === undefined) return undefined;
    contents = reader.implicitNull(marker, text.length);
  } else {
    contents = reader.block(column);
    if (reader.nextContent() !== -1) reader.fail();
  }
  return {
    contents: contents as Document.Parsed["contents"],
    errors: [],
    range: [start, text.length, text.length],
  };
}

/**
 * The document as the `yaml` package would parse it (one document, no errors), or undefined when
 * the text uses anything this reader leaves to the package, or holds no document or several.
 */
export function fastParse(text: string): ParsedDocument | undefined {
  const documents = fastParseAll(text);
  return documents?.length === 1 ? documents[0] : undefined;
}
