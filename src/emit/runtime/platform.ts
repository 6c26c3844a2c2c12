/** Facts about where an instance runs that the runtimes need: CPU architecture, networks. */
import type { DeploymentNode, Environment, Instance } from "../../model/types.js";

export function ancestors(environment: Environment, nodeId: string): DeploymentNode[] {
  const chain: DeploymentNode[] = [];
  let node = environment.allNodes.find((n) => n.id === nodeId);
  while (node) {
    chain.push(node);
    node = node.parent ? environment.allNodes.find((n) => n.id === node!.parent) : undefined;
  }
  return chain;
}

/** linux/arm64 when a node it runs on is an ARM board (Raspberry Pi, arm64, aarch64). */
export function platformOf(environment: Environment, instance: Instance): string | undefined {
  const text = ancestors(environment, instance.node)
    .map((n) => `${n.name} ${n.technology ?? ""}`)
    .join(" ");
  return /raspberry\s*pi|arm64|aarch64|graviton/i.test(text) ? "linux/arm64" : undefined;
}

/** Instances that run as containers (not files or host processes). */
export function containerInstances(environment: Environment): Instance[] {
  return environment.instances.filter((i) => i.workload !== "File" && i.workload !== "Process");
}
