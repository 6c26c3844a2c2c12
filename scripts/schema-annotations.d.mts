import type { Plugin } from "esbuild";

export function withoutAnnotations(schema: unknown): unknown;
export function schemasWithoutAnnotations(filter: RegExp): Plugin;
