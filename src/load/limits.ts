import { type Diagnostic, diagnostic } from "../diagnostics.js";

/** Limits against hostile input. A real model is far below each; a hostile file hits one and gets a located error. */
export const limits = {
  /** Bytes of one model or configuration file. */
  maxFileBytes: 8 * 1024 * 1024,
  /**
   * Values reached through aliases when turning YAML into values (billion-laughs protection): each
   * alias counts the size of what it repeats. Sentry's compose file, the heaviest user of anchors we
   * know, reaches a few thousand; a bomb grows exponentially and passes this fast.
   */
  maxExpandedValues: 200_000,
  /** Nesting depth of collections. */
  maxDepth: 64,
  /**
   * Services of one model or compose project, objects of one set of manifests. A real system has
   * hundreds; an 8 MiB file can define some 400,000, whose model takes more memory than Node is
   * given on a small machine, which would end the run in a crash rather than a message.
   */
  maxServices: 50_000,
} as const;

/**
 * The message for a project that defines more than `limits.maxServices` of `what`; `atLeast` where
 * reading stopped once past the limit, so that more may follow.
 */
export function tooManyMessage(count: number, what: string, atLeast = false): string {
  return `${atLeast ? "at least " : ""}${count.toLocaleString("en")} ${what} are defined here, more than the ${limits.maxServices.toLocaleString("en")} deployview reads`;
}

/** A file refused for its size before it is read: about the whole file, at no line of it. */
export function fileTooLarge(file: string): Diagnostic {
  return diagnostic(
    "file-too-large",
    "error",
    `the file is larger than ${limits.maxFileBytes / 1024 / 1024} MiB`,
    { file },
    { hint: "split the model or configuration into smaller files" },
  );
}
