/** The building blocks: a catalogue, the code inspection summary, dependencies and secrets. */
import { commandText } from "../../model/container-risks.js";
import type { Model, Service } from "../../model/types.js";
import { bullets, table } from "../markdown/blocks.js";
import { bold, cell, code, text } from "../markdown/escape.js";
import { memoryText, portsText } from "./format.js";
import { section } from "./section.js";

function artifact(service: Service): string {
  if (service.image) return code(service.image);
  if (service.build)
    return `build ${code(service.build.context)}${service.build.dockerfile ? ` (${code(service.build.dockerfile)})` : ""}`;
  return "—";
}

function health(service: Service): string {
  const h = service.health;
  // Turned off on purpose is a decision the reader should see, not a gap.
  if (!h) return service.healthDisabled ? "off" : "—";
  if (h.type === "http") return `GET ${code(h.path ?? "/")}`;
  if (h.type === "tcp") return `TCP ${h.port?.port ?? ""}`;
  return code(commandText(h.command));
}

export function catalogue(model: Model, number: string): string | undefined {
  if (model.services.length === 0) return undefined;
  const groupName = (id: string | undefined) => model.groups.find((g) => g.id === id)?.name ?? id;
  const hasGroups = model.services.some((s) => s.group);
  const rows = model.services.map((s) => [
    bold(s.name),
    ...(hasGroups ? [cell(groupName(s.group))] : []),
    cell(s.kind),
    cell(s.technology),
    artifact(s),
    cell(portsText(s.ports)),
    health(s),
    cell(memoryText(s.memory)),
  ]);
  const headers = [
    "Service",
    ...(hasGroups ? ["Group"] : []),
    "Kind",
    "Technology",
    "Image / build",
    "Ports",
    "Health check",
    "Memory",
  ];
  const stages = model.services
    .filter((s) => s.build && s.build.stages.length > 0)
    .map((s) =>
      section(
        `#### ${text(s.name)}: build stages`,
        s
          .build!.stages.map(
            (st, i) =>
              `${i + 1}. ${bold(st.name)}${st.image ? ` (${code(st.image)})` : ""}${st.description ? `: ${text(st.description)}` : ""}`,
          )
          .join("\n"),
      ),
    );
  const notes = model.services
    .filter((s) => s.notes.length > 0 || s.description)
    .map(
      (s) =>
        `${bold(s.name)}: ${[s.description, ...s.notes]
          .filter(Boolean)
          .map((n) => text(n!))
          .join(" ")}`,
    );
  return section(
    `## ${number} Building Blocks`,
    table(headers, rows),
    ...stages,
    notes.length > 0 && bullets(notes),
  );
}

export function codeInspection(model: Model, number: string): string | undefined {
  const inspected = model.services.filter((s) => s.source);
  if (inspected.length === 0) return undefined;
  const parts = inspected.map((s, index) => {
    const src = s.source!;
    const facts: [string, string | undefined][] = [
      ["Language", src.language],
      ["Framework", src.framework],
      ["Build tool", src.buildTool],
      ["Runtime", src.runtime],
      ["Database", src.database],
      ["Authentication", src.auth],
      ["Port", portsText(s.ports) || undefined],
      ["Dependencies", src.dependencies.join(", ") || undefined],
      ["Configuration files", src.configFiles.join(", ") || undefined],
      ...src.details.map((d): [string, string] => [d.key, d.value]),
    ];
    return section(
      `### ${index + 1}. ${text(s.name)}${src.path ? ` (${code(src.path)})` : ""}`,
      bullets(facts.filter(([, v]) => v).map(([k, v]) => `${bold(k)}: ${text(v!)}`)),
    );
  });
  const dependencies = model.services.flatMap((s) =>
    s.uses.map((u) => {
      const target = model.services.find((t) => t.id === u.target);
      const describe = [u.protocol, u.description, u.optional && "optional"].filter(Boolean).join(", ");
      return `${code(s.source?.path ?? s.id)} → ${code(target?.source?.path ?? u.target)}${describe ? ` (${text(describe)})` : ""}`;
    }),
  );
  return section(
    `## ${number} Code Inspection Summary`,
    ...parts,
    dependencies.length > 0 && section("### Service Dependencies", bullets(dependencies)),
  );
}

export function secrets(model: Model, number: string): string | undefined {
  const used = new Map<string, Set<string>>();
  for (const s of model.services) {
    for (const v of s.env) {
      if (v.value.kind === "secret")
        used.set(v.value.secret, (used.get(v.value.secret) ?? new Set()).add(s.name));
    }
  }
  for (const e of model.environments) {
    for (const i of e.instances) {
      for (const v of i.env)
        if (v.value.kind === "secret")
          used.set(v.value.secret, (used.get(v.value.secret) ?? new Set()).add(i.service.name));
    }
  }
  const ids = [...new Set([...model.secrets.map((s) => s.id), ...used.keys()])].sort();
  if (ids.length === 0) return undefined;
  const rows = ids.map((id) => {
    const declared = model.secrets.find((s) => s.id === id);
    return [
      code(id),
      cell(declared?.description),
      cell(declared?.source),
      cell([...(used.get(id) ?? [])].sort().join(", ")),
    ];
  });
  return section(
    `## ${number} Secrets`,
    "Secrets are named here and referenced by the services; their values are never part of the model, this document or generated configuration.",
    table(["Secret", "Description", "Source", "Used by"], rows),
  );
}
