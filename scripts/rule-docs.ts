/** One page per lint rule (docs/rules/<id>.md) and an index, generated from the rules' own metadata. */
import { rules } from "../src/rules/index.js";

export interface RulePage {
  path: string;
  content: string;
}

const fence = (text: string) => `\`\`\`yaml\n${text}\n\`\`\``;

export function rulePages(): RulePage[] {
  const pages = rules.map((rule) => ({
    path: `docs/rules/${rule.id}.md`,
    content: [
      `# ${rule.id}`,
      "",
      rule.optIn
        ? `**Default severity:** off: it runs where the model or \`--rule ${rule.id}=warn\` turns it on, at ${rule.severity} unless told otherwise${rule.onByDefaultIn ? `; on Kubernetes manifests it runs at ${rule.severity} unless turned off, as their own linters check it by default` : ""}`
        : `**Default severity:** ${rule.severity}`,
      "",
      rule.description,
      "",
      "## Why it matters",
      "",
      rule.why,
      "",
      "## How to fix it",
      "",
      rule.fix,
      "",
      "## Example",
      "",
      "Flagged:",
      "",
      fence(rule.example.bad),
      "",
      "Fixed:",
      "",
      fence(rule.example.good),
      "",
      "## Configure",
      "",
      fence(
        `lint:\n  rules:\n    ${rule.id}: ${rule.optIn ? "warn    # or info, error; off, as it is by default" : "off   # or info, warn, error"}`,
      ),
      "",
      `Or for one finding, on the line before it: \`# deployview-disable-next-line ${rule.id} -- <why>\``,
      "",
    ].join("\n"),
  }));
  const index = [
    "# Lint rules",
    "",
    "Generated from the rules' metadata (`src/rules/<id>.ts`); `deployview rules` lists them too.",
    "",
    "| rule | severity | finds |",
    "|---|---|---|",
    ...rules.map(
      (r) =>
        `| [${r.id}](${r.id}.md) | ${r.optIn ? `off (opt in; ${r.severity}${r.onByDefaultIn ? `; ${r.severity} on Kubernetes manifests` : ""})` : r.severity} | ${r.description.replace(/\|/g, "\\|")} |`,
    ),
    "",
  ].join("\n");
  return [...pages, { path: "docs/rules/README.md", content: index }];
}
