/**
 * Helm charts, which deployview does not render: a chart's templates make manifests only with helm
 * and the chart's values, and read as YAML they are wrong or not YAML at all. As kube-linter does, a
 * chart is known by its Chart.yaml and taken as a whole, never file by file; where kube-linter
 * renders it with Helm's library, deployview says how to check what it makes.
 */
import { basename, dirname, join, resolve } from "node:path";
import { type Diagnostic, diagnostic } from "../../diagnostics.js";
import { pathKind } from "../../load/path-kind.js";
import { readTextFile } from "../../load/text-file.js";

export const CHART_FILE = "Chart.yaml";
export const TEMPLATES = "templates";

/** Whether a folder is a chart's: its Chart.yaml beside its templates, as helm requires of one. */
export function isChartFolder(dir: string): boolean {
  return pathKind(join(dir, CHART_FILE)) === "file" && pathKind(join(dir, TEMPLATES)) === "folder";
}

/**
 * The folder of the chart a file is a template of, or undefined: a YAML or .tpl file below a
 * templates folder that holds a template action. Helm reads no other file there as a template.
 * `text` spares a read where the caller has it.
 */
export function chartOfTemplate(file: string, text?: string): string | undefined {
  if (!TEMPLATE_FILE.test(file)) return undefined;
  const templates = templatesFolderOf(resolve(file));
  if (templates === undefined) return undefined;
  const written = text ?? readTextFile(file, { missing: "", notFile: "" });
  return typeof written === "string" && holdsTemplateAction(written) ? dirname(templates) : undefined;
}

const TEMPLATE_FILE = /\.(?:ya?ml|tpl)$/i;

/** The nearest folder named templates that a path is below, if any. */
function templatesFolderOf(path: string): string | undefined {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir))
    if (basename(dir) === TEMPLATES) return dir;
  return undefined;
}

/**
 * Whether text holds a Go template action as charts write them: a field of the values or release
 * (`{{ .Values.x }}`), a variable, a comment, trimmed space, or one of the actions and functions
 * charts call. Braces that other tools fill in (Argo's `{{inputs.parameters.x}}`) are not Helm's.
 */
function holdsTemplateAction(text: string): boolean {
  return TEMPLATE_ACTION.test(text);
}

const TEMPLATE_ACTION =
  /\{\{-?\s*(?:[.$]|\/\*|(?:if|else|end|range|with|define|template|block|include|tpl|toYaml|required|default|quote|printf)\b)/;

/**
 * The one finding of a chart, at its Chart.yaml (or its folder, where a templates folder has none
 * beside it): its templates were not checked, and how to check what they make.
 */
export function chartNotChecked(chart: string): Diagnostic {
  const chartFile = join(chart, CHART_FILE);
  const file = pathKind(chartFile) === "file" ? chartFile : chart;
  return diagnostic(
    "helm-chart-not-checked",
    "warning",
    `the templates of the Helm chart '${basename(chart)}' were not checked: deployview does not render Helm templates`,
    { file },
    {
      hint: "render the chart and check what it makes: helm template <chart> > rendered.yaml && deployview check rendered.yaml (or helm template <chart> --output-dir rendered && deployview check rendered)",
    },
  );
}
