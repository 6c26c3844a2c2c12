/** Limits against hostile input. A real model is far below each; a hostile file hits one and gets a located error. */
export const limits = {
  /** Bytes of one model or configuration file. */
  maxFileBytes: 8 * 1024 * 1024,
  /** Alias expansions when turning YAML into values (billion-laughs protection). */
  maxAliasCount: 200,
  /** Nesting depth of collections. */
  maxDepth: 64,
} as const;
