/**
 * A command's variables as the model writes them (Compose's `${VAR}`) and as the kubelet fills them
 * in a container's command and arguments (`$(VAR)`, from the container's own variables). Both
 * write a dollar sign as `$$`. Only a variable the container has is turned either way: the kubelet
 * leaves any other `$(…)` as it is, for a shell to run as a command.
 */

const MODEL_REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const KUBELET_REFERENCE = /\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g;

/** `${VAR}` → `$(VAR)` where the container has VAR. */
export function toKubeletReferences(word: string, variables: ReadonlySet<string>): string {
  return word.replace(MODEL_REFERENCE, (whole, name?: string) =>
    name !== undefined && variables.has(name) ? `$(${name})` : whole,
  );
}

/** `$(VAR)` → `${VAR}` where the container has VAR. */
export function fromKubeletReferences(word: string, variables: ReadonlySet<string>): string {
  return word.replace(KUBELET_REFERENCE, (whole, name?: string) =>
    name !== undefined && variables.has(name) ? `\${${name}}` : whole,
  );
}
