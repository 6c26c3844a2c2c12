/** A Mermaid sequence diagram of the startup order derived from dependencies. */
import { startupOrder } from "../../../analyze/startup-order.js";
import type { Environment } from "../../../model/types.js";
import { IdAllocator } from "./label.js";

const orchestrators = { compose: "Docker Compose", host: "Host" } as const;

function plain(text: string): string {
  // Sequence messages are not quoted; keep them to characters Mermaid reads literally.
  return text
    .replace(/[;#<>{}[\]|"`]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function mermaidStartupSequence(environment: Environment): string {
  // Kubernetes starts every pod together (the generated manifests order nothing): no waves to draw.
  if (environment.platform === "kubernetes") return "";
  const { waves, blocked } = startupOrder(environment);
  if (waves.length === 0 && blocked.length === 0) return "";
  const ids = new IdAllocator();
  const lines = ["sequenceDiagram", `  participant O as ${plain(orchestrators[environment.platform])}`];
  const all = [...waves.flat(), ...blocked];
  for (const instance of all)
    lines.push(`  participant ${ids.id("p", instance.id)} as ${plain(instance.name) || "instance"}`);
  waves.forEach((wave, index) => {
    lines.push(`  Note over O: wave ${index + 1}`);
    for (const instance of wave) {
      const id = ids.id("p", instance.id);
      lines.push(`  O->>${id}: start`);
      const health = instance.service.health;
      lines.push(
        `  ${id}-->>O: ${health ? `healthy (${plain(health.type === "http" ? `GET ${health.path ?? "/"}` : health.type)})` : "started"}`,
      );
    }
  });
  if (blocked.length > 0)
    lines.push(
      `  Note over O: cannot order ${plain(blocked.map((i) => i.id).join(", "))} (dependency cycle)`,
    );
  return `${lines.join("\n")}\n`;
}
