import { kubernetesFolder } from "../build/outputs.js";
import { emitKubernetes } from "../emit/k8s/index.js";
import { environmentOutputCommand } from "./environment-output.js";

export default environmentOutputCommand({
  name: "k8s",
  summary: "Write Kubernetes manifests and kustomization.yaml for a kubernetes environment",
  outputsKey: "outputs.kubernetes",
  emit: (model, environment) => emitKubernetes(model, environment),
  folder(model, environment) {
    const named = model.outputs.kubernetes.find((k) => k.environment === environment)?.path;
    return named ? kubernetesFolder(named) : undefined;
  },
});
