import { basename, dirname, resolve } from "node:path";
import { asciiDiagram } from "../emit/diagram/ascii/environment.js";
import { mermaidC4Deployment } from "../emit/diagram/c4/mermaid-c4.js";
import { d2Diagram } from "../emit/diagram/d2/d2.js";
import { layoutEnvironment } from "../emit/diagram/layout/index.js";
import { likeC4 } from "../emit/diagram/likec4/likec4.js";
import { mermaidFlowchart } from "../emit/diagram/mermaid/flowchart.js";
import { c4PlantUml } from "../emit/diagram/plantuml/c4-plantuml.js";
import { structurizrDsl } from "../emit/diagram/structurizr/dsl.js";
import { renderSvg } from "../emit/diagram/svg/index.js";
import { GENERATED_MARK } from "../emit/generated-file.js";
import type { Model } from "../model/types.js";
import { writeGeneratedFiles } from "../output/write-files.js";
import { formatDiagnostics } from "../report/index.js";
import { type Command, ExitCode } from "./command.js";
import { loadForOutput } from "./model-argument.js";

const FORMATS = ["svg", "ascii", "mermaid", "c4", "structurizr", "likec4", "d2", "plantuml"] as const;
type Format = (typeof FORMATS)[number];

async function render(model: Model, environmentId: string, format: Format): Promise<string> {
  switch (format) {
    case "svg":
      return renderSvg(await layoutEnvironment(model, environmentId));
    case "ascii": {
      const environment = model.environments.find((e) => e.id === environmentId)!;
      return asciiDiagram(environment, { groups: new Map(model.groups.map((g) => [g.id, g.name])) });
    }
    case "mermaid":
      return `${mermaidFlowchart(model, environmentId)}\n`;
    case "c4":
      return mermaidC4Deployment(model, environmentId);
    case "structurizr":
      return structurizrDsl(model, environmentId);
    case "likec4":
      return likeC4(model, environmentId);
    case "d2":
      return d2Diagram(model, environmentId);
    case "plantuml":
      return c4PlantUml(model, environmentId);
    default: {
      const unreachable: never = format;
      throw new Error(`unknown format ${String(unreachable)}`);
    }
  }
}

/** The generated-file mark in each format's comment syntax, so `--out` never overwrites a hand-written file. */
function header(format: Format, source: string): string {
  const text = `${GENERATED_MARK} from ${source}; edit the model, not this file.`;
  switch (format) {
    case "svg":
      return `<!-- ${text} -->\n`;
    case "mermaid":
    case "c4":
      return `%% ${text}\n`;
    case "structurizr":
    case "likec4":
      return `// ${text}\n`;
    case "ascii":
    case "d2":
      return `# ${text}\n`;
    case "plantuml":
      return `' ${text}\n`;
    default: {
      const unreachable: never = format;
      throw new Error(`unknown format ${String(unreachable)}`);
    }
  }
}

const command: Command = {
  name: "diagram",
  summary: "Print one environment's diagram: SVG, ASCII, Mermaid, C4, Structurizr, LikeC4, D2 or PlantUML",
  usage: `deployview diagram [model] --env ENV [--format ${FORMATS.join("|")}] [--out file]`,
  maxPositionals: 1,
  options: {
    env: {
      type: "string",
      short: "e",
      value: "ENV",
      description: "Environment to draw (needed when there are several)",
    },
    format: {
      type: "string",
      short: "f",
      value: "FORMAT",
      description: `One of ${FORMATS.join(", ")} (default svg)`,
    },
    out: { type: "string", short: "o", value: "FILE", description: "Write to this file instead of stdout" },
    force: { type: "boolean", description: "Overwrite a file that deployview did not generate" },
  },
  async run({ positionals, options }, io) {
    const format = (options.format ?? "svg") as Format;
    if (!FORMATS.includes(format)) {
      io.stderr.write(
        `deployview diagram: unknown format '${String(options.format)}'; use one of ${FORMATS.join(", ")}\n`,
      );
      return ExitCode.unusable;
    }
    const loaded = await loadForOutput(io, positionals[0]);
    if (!loaded.model) return ExitCode.unusable;
    const model = loaded.model;
    const ids = model.environments.map((e) => e.id);
    const wanted = typeof options.env === "string" ? options.env : ids.length === 1 ? ids[0] : undefined;
    if (!wanted || !ids.includes(wanted)) {
      const what = wanted
        ? `no environment '${wanted}'`
        : "the model has several environments; choose one with --env";
      io.stderr.write(`deployview diagram: ${what} (environments: ${ids.join(", ") || "none"})\n`);
      return ExitCode.unusable;
    }
    const text = await render(model, wanted, format);
    if (typeof options.out !== "string") {
      io.stdout.write(text);
      return ExitCode.ok;
    }
    const target = resolve(io.cwd, options.out);
    const result = await writeGeneratedFiles(
      dirname(target),
      [{ path: basename(target), content: `${header(format, basename(model.file))}${text}` }],
      { force: options.force === true },
    );
    if (result.diagnostics.length > 0) {
      io.stderr.write(
        formatDiagnostics(result.diagnostics, new Map(), "text", { color: io.color, cwd: io.cwd }),
      );
      return ExitCode.unusable;
    }
    return ExitCode.ok;
  },
};

export default command;
