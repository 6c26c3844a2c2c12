/**
 * Keys that could tamper with the objects of tools that read a file (prototype pollution): refused
 * in every YAML file, and never taken as the names of anything read from elsewhere (an env file's
 * variables), so that no model holds one.
 */
export const FORBIDDEN_KEYS: ReadonlySet<unknown> = new Set(["__proto__", "constructor"]);
