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
} as const;
