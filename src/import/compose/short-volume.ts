/**
 * A volume in Compose's short syntax, `[source:]target[:options]`, read as Compose reads it: a colon
 * after a single letter belongs to a Windows drive (`C:\data`, `c:/logs`), a colon inside `${…}` to
 * the variable, and the options are a comma-separated list (`ro,z`). Every reader of a service's
 * volumes goes through here, so none of them takes `C:\data:/data` for a volume named C.
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
  return /^[.~/]|^\\\\|^\p{L}:/u.test(source);
}

export function parseShortVolume(spec: string): ShortVolume {
  if (spec.length <= 2) return { target: spec, options: [], bind: false, readOnly: false };
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const char = spec[i];
    if (char === "$" && spec[i + 1] === "{") {
      depth++;
      i++;
    } else if (char === "}" && depth > 0) depth--;
    // A colon right after a single letter is a drive's: C:\data.
    else if (char === ":" && depth === 0 && !(i - start === 1 && /\p{L}/u.test(spec[start]!))) {
      parts.push(spec.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(spec.slice(start));
  const problem = parts.length > 3 ? "too many colons" : undefined;
  const [first = "", second, third] = parts;
  const source = second === undefined || first === "" ? undefined : first;
  const options = third === undefined ? [] : third.split(",");
  return {
    ...(source === undefined ? {} : { source }),
    target: second ?? first,
    options,
    bind: source !== undefined && isHostPath(source),
    // The last of ro and rw wins, as Compose reads them in turn.
    readOnly: options.lastIndexOf("ro") > options.lastIndexOf("rw"),
    ...(problem ? { problem } : {}),
  };
}
