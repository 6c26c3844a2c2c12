/**
 * What reading one part of a compose service into the model shares with the whole import: where
 * each model path came from in the compose files, and what is wrong with what is written there.
 */
import type { KeyPath } from "../../load/yaml-file.js";
import type { Report } from "./consistency.js";

export interface Reading {
  /** Records that `modelPath` of the model came from `composePath` of the merged compose file. */
  note(modelPath: KeyPath, composePath: KeyPath): void;
  /** A defect of the files themselves (a value Docker refuses, a name nothing defines); the import goes on without it. */
  report: Report;
  /** What a lint rule finds, reported at the rule's severity (see Model.importFindings). */
  find: Report;
}
