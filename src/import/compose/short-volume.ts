/**
 * A volume in Compose's short syntax, `[source:]target[:options]`, read as Compose reads it: a colon
 * after a single letter belongs to a Windows drive (`C:\data`, `c:/logs`), a colon inside `${…}` to
 * the variable, and the options are a comma-separated list (`ro,z`). Every reader of a service's
 * volumes goes through here, so none of them takes `C:\data:/data` for a volume named C. Compose
 * takes a letter of any alphabet for a drive; drives have the 26 of ASCII, and so do these patterns,
 * which the bundle would otherwise compile at every call.
 */

export interface ShortVolume {
  /** The host path or volume name; none for an anonymous volume. */
  source?: string;
  target: string;
  options: string[];
  /** A host path (bind mount) rather than a volume's name. */
  bind: boolean;
  readOnly: boolean;
  /**
   * Compose refuses more than three parts. It refuses an empty part too, but that is most often a
   * variable not set here (`${DATA}:/data`), which is reported as such: an empty source is none.
   */
  problem?: "too many colons";
}

/** Whether a source is a host path: relative, absolute, from home, a Windows drive or a named pipe. */
export function isHostPath(source: string): boolean {
  return /^[.~/]|^\\\\|^[A-Za-z]:/.test(source);
}

/** The colon-separated parts, a colon inside `${…}` being the variable's. */
function scannedParts(spec: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const char = spec[i];
    if (char === "$" && spec[i + 1] === "{") {
      depth++;
      i++;
    } else if (char === "}" && depth > 0) depth--;
    else if (char === ":" && depth === 0) {
      parts.push(spec.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(spec.slice(start));
  return parts;
}

/** The parts with each single letter joined to the part after it, as a drive: C, \data → C:\data. */
function withDrives(parts: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.length === 1 && i + 1 < parts.length && /[A-Za-z]/.test(part))
      joined.push(`${part}:${parts[++i]}`);
    else joined.push(part);
  }
  return joined;
}

/**
 * Each entry is read by every reader of volumes (the merge, the references, the runtime's refusals,
 * the model): once is enough. The readings are shared, so none may be changed. Kept up to a bound,
 * then started afresh: `serve` reads the files again at every change, for as long as it runs.
 */
const read = new Map<string, Readonly<ShortVolume>>();
const KEPT = 10_000;

export function parseShortVolume(spec: string): Readonly<ShortVolume> {
  let volume = read.get(spec);
  if (!volume) {
    volume = readShortVolume(spec);
    if (read.size >= KEPT) read.clear();
    read.set(spec, volume);
  }
  return volume;
}

function readShortVolume(spec: string): ShortVolume {
  if (spec.length <= 2)
    return { source: undefined, target: spec, options: [], bind: false, readOnly: false, problem: undefined };
  // Most entries hold no variable: split as they are, which costs far less than reading them by the character.
  const parts = withDrives(spec.includes("${") ? scannedParts(spec) : spec.split(":"));
  const [first = "", second, third] = parts;
  const source = second === undefined || first === "" ? undefined : first;
  const options = third === undefined ? [] : third.split(",");
  return {
    source,
    target: second ?? first,
    options,
    bind: source !== undefined && isHostPath(source),
    // The last of ro and rw wins, as Compose reads them in turn.
    readOnly: options.lastIndexOf("ro") > options.lastIndexOf("rw"),
    problem: parts.length > 3 ? "too many colons" : undefined,
  };
}
