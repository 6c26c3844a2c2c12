/** An overlay's kustomization over `resource` with one inline patch giving Deployment 'web' the spec `spec`, written flow style. */
export function overlayPatchingWeb(resource: string, spec: string): string {
  return [
    `resources: [${resource}]`,
    "patches:",
    "  - patch: |-",
    "      apiVersion: apps/v1",
    "      kind: Deployment",
    "      metadata: { name: web }",
    `      spec: ${spec}`,
    "",
  ].join("\n");
}
