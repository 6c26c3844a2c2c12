import { generate } from "../scripts/generate.js";

/** The validator is derived from the schema; derive it before any test imports the loader. */
export default function setup(): void {
  generate();
}
