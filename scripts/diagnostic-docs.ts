/** docs/diagnostics.md: every diagnostic that is not a lint rule, generated from the codes' own summaries. */
import { coreDiagnosticCodes } from "../src/diagnostic-codes.js";

export function diagnosticsPage(): { path: string; content: string } {
  const codes = Object.entries(coreDiagnosticCodes);
  return {
    path: "docs/diagnostics.md",
    content: [
      "# Diagnostics that are not lint rules",
      "",
      "Generated from `src/diagnostic-codes.ts`. These say what deployview found while reading its input:",
      "YAML that cannot be read, a model of the wrong shape, references to nothing, and what Compose, Docker,",
      "the container runtime or the Kubernetes API server would refuse. They are not lint rules: `lint.rules`",
      "and `--rule` do not change them. A model file with an error is not linted (exit 2). Compose files and",
      "manifests are linted as far as they can be read, their errors among the findings (exit 1); one that",
      "cannot be read at all exits 2. The lint rules are in [rules/](rules/README.md).",
      "",
      "| code | what it means |",
      "|---|---|",
      // Markdown would read __proto__ as bold.
      ...codes.map(
        ([code, summary]) => `| \`${code}\` | ${summary.replace(/\|/g, "\\|").replace(/_/g, "\\_")} |`,
      ),
      "",
    ].join("\n"),
  };
}
