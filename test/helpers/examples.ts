import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The bundled examples: folder name and model path. */
export function examples(): { name: string; model: string; dir: string }[] {
  const dir = `${repoRoot}examples`;
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, dir: `${dir}/${name}`, model: `${dir}/${name}/deployview.yaml` }));
}
