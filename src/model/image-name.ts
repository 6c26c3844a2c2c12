/**
 * An image's name without registry, tag or digest, where it is an official image on Docker Hub
 * (postgres, library/postgres, docker.io/library/postgres) or Elastic's own: what tells a known
 * store's defaults, where an image of another publisher may set its own.
 */
export function officialImageName(image: string): string | undefined {
  const name = image
    .replace(/@.*$/, "")
    .replace(/:[^/:]*$/, "")
    .replace(/^(?:docker\.io\/)?(?:library\/)?/, "")
    .replace(/^docker\.elastic\.co\/elasticsearch\//, "");
  return name === "" || name.includes("/") ? undefined : name;
}
