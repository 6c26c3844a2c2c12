import { dirname } from "node:path";
import { emitCompose } from "../emit/compose/index.js";
import { environmentOutputCommand } from "./environment-output.js";

export default environmentOutputCommand({
  name: "compose",
  summary: "Write compose.yaml and .env.example for a compose environment",
  outputsKey: "outputs.compose",
  emit: (model, environment, folder) => emitCompose(model, environment, { folder }),
  folder(model, environment) {
    const named = model.outputs.compose.find((c) => c.environment === environment)?.path;
    return named ? dirname(named) : undefined;
  },
});
