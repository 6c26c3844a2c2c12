/**
 * Compose reads a file's relative paths from the file's own folder; the model's are relative to the
 * model's folder, which `init` writes at the repository's root. The mirror of what the compose
 * generator does: a path the files give is rewritten for the model's folder, so that it names the
 * same place there.
 */
import { dirname, relative } from "node:path";
import { pathsFromFolder } from "../../model/folder-paths.js";
import type { ModelInputType, ServiceInputType } from "../../model/schema.js";

type Rebase = (path: string) => string;

function rebasedBuild(build: ServiceInputType["build"], rebase: Rebase): ServiceInputType["build"] {
  if (typeof build === "string") return rebase(build);
  // The Dockerfile is the context's, so it stays as written.
  return build && { ...build, context: rebase(build.context) };
}

function rebasedVolumes(volumes: ServiceInputType["volumes"], rebase: Rebase): ServiceInputType["volumes"] {
  if (!volumes) return volumes;
  return Object.fromEntries(
    Object.entries(volumes).map(([name, volume]) => [
      name,
      typeof volume !== "string" && volume.type === "bind" && volume.source
        ? { ...volume, source: rebase(volume.source) }
        : volume,
    ]),
  );
}

/** The input of one compose file set, with its paths relative to `modelFolder` instead of the set's folder. */
export function rebasedForModel(
  input: ModelInputType,
  composeFile: string,
  modelFolder: string,
): ModelInputType {
  const composeFolder = dirname(composeFile);
  if (relative(composeFolder, modelFolder) === "") return input;
  const rebase = pathsFromFolder(composeFile, relative(composeFolder, modelFolder));
  const services = Object.fromEntries(
    Object.entries(input.services).map(([id, service]) => {
      const moved: ServiceInputType = { ...service };
      if (service.build !== undefined) moved.build = rebasedBuild(service.build, rebase);
      if (service.volumes !== undefined) moved.volumes = rebasedVolumes(service.volumes, rebase);
      return [id, moved];
    }),
  );
  const secrets =
    input.secrets &&
    Object.fromEntries(
      Object.entries(input.secrets).map(([id, secret]) => [
        id,
        typeof secret === "object" && secret !== null && typeof secret.file === "string"
          ? { ...secret, file: rebase(secret.file) }
          : secret,
      ]),
    );
  return { ...input, services, ...(secrets ? { secrets } : {}) };
}
