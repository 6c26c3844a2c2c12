/** The names compose files go by: compose.yaml, docker-compose.prod.yml, compose-dev.yaml, pwd.yml. */
const COMPOSE_FILE = /(?:^|[-._])compose[^/\\]*\.ya?ml$|^pwd\.yml$/;

export function isComposeFileName(name: string): boolean {
  return COMPOSE_FILE.test(name);
}
