/**
 * The example a missing env file is made from, when the project keeps one beside it: immich's
 * example.env for .env, mastodon's .env.production.sample for .env.production.
 */
import { basename, dirname, join } from "node:path";
import { pathKind } from "../../load/path-kind.js";
import { EXAMPLE_ENV_FILES } from "./variables.js";

const SUFFIXES = [".example", ".sample", ".template", ".dist"];

/** The example's name, as it sits beside `path`; undefined when there is none. */
export function envFileExample(path: string): string | undefined {
  const name = basename(path);
  const candidates = [
    ...SUFFIXES.map((suffix) => `${name}${suffix}`),
    // .env → example.env; app.env → example.app.env.
    `example${name.startsWith(".") ? name : `.${name}`}`,
    ...(name === ".env" ? EXAMPLE_ENV_FILES : []),
  ];
  return candidates.find((candidate) => pathKind(join(dirname(path), candidate)) === "file");
}
