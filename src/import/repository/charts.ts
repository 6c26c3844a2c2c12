/**
 * The Helm charts among a repository's folders, taken out of them: a chart's files are neither
 * manifests nor compose files to read one by one (see kubernetes/helm-charts.ts).
 */
import { isAbsolute, join, relative } from "node:path";
import { CHART_FILE, chartOfTemplate, TEMPLATES } from "../kubernetes/helm-charts.js";
import type { Folder } from "./walk.js";

export interface WithoutCharts {
  /** The folders outside every chart. */
  folders: Folder[];
  /** The charts' folders, each once, in the walk's order. */
  charts: string[];
}

export function withoutCharts(folders: readonly Folder[]): WithoutCharts {
  const charts: string[] = [];
  /** The folders passed over with all below them: charts, and templates folders without a Chart.yaml seen. */
  const passed: string[] = [];
  const kept: Folder[] = [];
  const add = (chart: string, folder: string) => {
    if (!charts.includes(chart)) charts.push(chart);
    passed.push(folder);
  };
  for (const folder of folders) {
    const { dir, entries } = folder;
    if (passed.some((over) => isWithin(dir, over))) continue;
    const chartFile = entries.some((e) => e.name === CHART_FILE && e.isFile());
    if (chartFile && entries.some((e) => e.name === TEMPLATES && e.isDirectory())) {
      add(dir, dir);
      continue;
    }
    // Below a templates folder whose Chart.yaml the walk did not see (the templates folder was named,
    // or the chart lacks one): every file there is a template, as helm renders even one without an
    // action, but what lies beside that folder is no more the chart's than the walk can tell.
    const chart = templateChartIn(folder);
    if (chart === undefined) kept.push(folder);
    else add(chart, join(chart, TEMPLATES));
  }
  return { folders: kept, charts };
}

function templateChartIn({ dir, entries }: Folder): string | undefined {
  for (const entry of entries) {
    const chart = entry.isFile() ? chartOfTemplate(join(dir, entry.name)) : undefined;
    if (chart !== undefined) return chart;
  }
  return undefined;
}

function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
