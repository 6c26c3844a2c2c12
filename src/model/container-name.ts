/**
 * The names Docker accepts for a container: a letter or digit, then one or more letters, digits, '_',
 * '.' or '-' (a name of one character is refused too).
 */
export const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export const CONTAINER_NAME_HINT =
  "use two or more letters, digits, '.', '_' and '-', starting with a letter or digit";

/** The names the Compose Specification takes for a service, a network, a volume, a secret or a config. */
export const COMPOSE_NAME = /^[a-zA-Z0-9._-]+$/;
