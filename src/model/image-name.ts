/**
 * An image's name without registry, tag or digest, where it is an official image on Docker Hub
 * (postgres, library/postgres, docker.io/library/postgres), Elastic's own, or Valkey's, which its
 * project publishes under its own name (valkey/valkey): what tells a known
 * store's defaults, where an image of another publisher may set its own.
 */
export function officialImageName(image: string): string | undefined {
  const name = image
    .replace(/@.*$/, "")
    .replace(/:[^/:]*$/, "")
    .replace(/^(?:docker\.io\/)?(?:library\/)?/, "")
    .replace(/^docker\.elastic\.co\/elasticsearch\//, "");
  if (name === "valkey/valkey") return "valkey";
  return name === "" || name.includes("/") ? undefined : name;
}
