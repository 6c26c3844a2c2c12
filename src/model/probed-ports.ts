/**
 * The ports of its own container a health check command knocks on. A command check runs inside the
 * container, so an address of the container itself (localhost, 127.0.0.1, ::1, 0.0.0.0) with a port
 * says where the check expects the service to listen.
 */

const SELF = String.raw`(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])`;
/** `localhost:8080`, `http://127.0.0.1:8080/health`, `tcp://[::1]:5432`. */
const ADDRESS_PORT = new RegExp(String.raw`(?:^|[\s/'"=@])${SELF}:(\d{1,5})(?![\d.])`, "g");
/** `nc -z localhost 8080`, `netcat localhost 8080`. */
const NETCAT = new RegExp(String.raw`\b(?:nc|ncat|netcat)\b[^|;&]{0,200}?\s${SELF}\s+(\d{1,5})\b`, "g");
/** A database or cache client told its port with a flag: `redis-cli -p 6380`, `pg_isready -p 5433`. */
const CLIENT_PORT =
  /\b(?:redis-cli|valkey-cli|pg_isready)\b[^|;&]{0,200}?\s(?:-p|--port)(?:\s+|=)?(\d{1,5})\b/g;
/** MySQL's clients, whose `-p` is the password: `mysqladmin ping -P 3307`. */
const MYSQL_PORT =
  /\b(?:mysqladmin|mariadb-admin|mysql|mariadb)\b[^|;&]{0,200}?\s(?:-P|--port)(?:\s+|=)?(\d{1,5})\b/g;

/** The ports of its own container that `command` probes, in the order they are written. */
export function probedPorts(command: string | readonly string[]): number[] {
  const text = typeof command === "string" ? command : command.join(" ");
  const ports = new Set<number>();
  for (const pattern of [ADDRESS_PORT, NETCAT, CLIENT_PORT, MYSQL_PORT])
    for (const match of text.matchAll(pattern)) {
      const port = Number(match[1]);
      if (port > 0 && port < 65536) ports.add(port);
    }
  return [...ports];
}
