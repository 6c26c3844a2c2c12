import type { SourceRange } from "../../diagnostics.js";
import type { KeyPath, Locate } from "./context.js";

/**
 * A range found only when first read. Resolving locates every element, and finding a place in a
 * file walks its tree, yet only the elements with findings are ever read. Its fields are getters:
 * copy them one by one (or through JSON); spreading the range copies nothing.
 */
class LazyRange implements SourceRange {
  #range: SourceRange | undefined;
  readonly #locate: Locate;
  readonly #path: KeyPath;
  readonly #prefer: "key" | "value" | undefined;
  constructor(locate: Locate, path: KeyPath, prefer: "key" | "value" | undefined) {
    this.#locate = locate;
    this.#path = path;
    this.#prefer = prefer;
  }
  #found(): SourceRange {
    this.#range ??= this.#locate(this.#path, this.#prefer);
    return this.#range;
  }
  get file() {
    return this.#found().file;
  }
  get start() {
    return this.#found().start;
  }
  get end() {
    return this.#found().end;
  }
  get via() {
    return this.#found().via;
  }
  toJSON(): SourceRange {
    const { file, start, end } = this.#found();
    return { file, start, end };
  }
}

/** `locate`, each range found when it is read. A path must not change after the call. */
export function lazyLocate(locate: Locate): Locate {
  return (path, prefer) => new LazyRange(locate, path, prefer);
}
