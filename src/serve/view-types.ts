/** The JSON the viewer's page reads: shared by the server that builds it and the page that shows it. */
import type { SvgElement } from "../emit/diagram/svg/tree.js";
import type { JsonDiagnostic } from "../report/json.js";

export interface DetailRow {
  label: string;
  value: string;
}

export interface DetailSection {
  title: string;
  rows: DetailRow[];
}

export interface ElementDetails {
  /** `instance:<id>` or `node:<id>`. */
  ref: string;
  title: string;
  subtitle: string;
  sections: DetailSection[];
}

export interface EnvironmentView {
  id: string;
  name: string;
  summary: string;
  diagram: SvgElement;
  elements: Record<string, ElementDetails>;
}

export interface Finding extends JsonDiagnostic {
  /** Elements of each environment this finding is about, by environment id. */
  elements: Record<string, string[]>;
}

export interface PlacementRow {
  service: string;
  name: string;
  /** Per environment id: where and how it runs, or empty when it does not. */
  cells: Record<string, string>;
}

export interface ViewData {
  /** Grows with every reload, so the page can tell new data from old. */
  version: number;
  title: string;
  file: string;
  environments: EnvironmentView[];
  placement: PlacementRow[];
  findings: Finding[];
  /** Set when the model on disk is broken; the rest is the last good view. */
  error?: { text: string; count: number };
}
