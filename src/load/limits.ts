/** Limits against hostile input. A real model is far below each; a hostile file hits one and gets a located error. */
export const limits = {
  /** Bytes of one model or configuration file. */
  maxFileBytes: 8 * 1024 * 1024,
  /**
   * Alias expansions when turning YAML into values (billion-laughs protection). Real compose files
   * lean on anchors (Sentry's uses hundreds); a bomb grows exponentially and passes any such limit fast.
   */
  maxAliasCount: 5000,
  /** Nesting depth of collections. */
  maxDepth: 64,
} as const;
