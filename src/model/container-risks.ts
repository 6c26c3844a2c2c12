import type { SourceRange } from "../diagnostics.js";
import type { Confinement, Service } from "./types.js";

/**
 * What makes a container risky, as the rules see it on services and the Kubernetes importer on the
 * containers beside a workload's first: one definition for both.
 */

/**
 * The code names of releases, which name one as its major version does (debian:bookworm,
 * ubuntu:jammy, node:iron-alpine): Debian's, Ubuntu's and the Node.js LTS lines'.
 */
const RELEASE_NAME =
  /^(?:jessie|stretch|buster|bullseye|bookworm|trixie|forky|xenial|bionic|focal|jammy|noble|oracular|plucky|argon|boron|carbon|dubnium|erbium|fermium|gallium|hydrogen|iron|jod|krypton)(?:-|$)/;

/**
 * An image with no tag, a tag with neither a version number nor a release's code name in it
 * (stable, edge, lts, alpine), or one that starts with latest or another channel (lts-alpine3.19):
 * tags the publisher moves to another image. A digest pins it whatever the tag.
 */
export function unpinnedImage(image: string): boolean {
  // A variable (${TAG}) is set where the file is run, and cannot be judged here, but one before the
  // last slash (${REGISTRY}/api) names where the image comes from, and leaves its tag to judge; a
  // reference Docker refuses is invalid-image-name's finding.
  if (image.includes("$")) {
    const last = image.slice(image.lastIndexOf("/") + 1);
    return last !== image && !/[${}]/.test(last) && unpinnedImage(last);
  }
  if (image.includes("@") || imageNameProblem(image)) return false;
  const tag = /:([^/:]+)$/.exec(image)?.[1];
  // latest-kafka-3.7.0 moves with the publisher's latest release, whatever follows it; so does a
  // channel with a variant after it (lts-alpine3.19), whose version is the variant's.
  return (
    tag === undefined ||
    /^(?:latest|stable|lts|mainline|current|edge)(-|$)/.test(tag) ||
    (!/[0-9]/.test(tag) && !RELEASE_NAME.test(tag))
  );
}

/** The container runtimes whose socket gives whoever holds it the host: by the socket's file name. */
const RUNTIME_SOCKETS: [socket: RegExp, runtime: string][] = [
  [/docker\.sock$/, "Docker"],
  [/containerd\.sock$/, "containerd"],
  [/crio\.sock$/, "CRI-O"],
  [/podman\.sock$/, "Podman"],
  [/dockershim\.sock$/, "dockershim"],
];

/** The runtime whose socket a path is, as a message names it; undefined for any other path. */
export function runtimeSocket(path: string): string | undefined {
  return RUNTIME_SOCKETS.find((entry) => entry[0].test(path))?.[1];
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const DOMAIN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;

/**
 * Why Docker cannot pull an image by this reference ([registry/]path[:tag][@digest], the path in
 * lower case), or undefined where it can. A reference still holding a variable is not judged.
 */
export function imageNameProblem(image: string): string | undefined {
  if (image === "" || image.includes("$")) return undefined;
  let name = image;
  const at = name.indexOf("@");
  if (at >= 0) {
    const digest = name.slice(at + 1);
    if (!DIGEST.test(digest)) return `its digest '${digest}' is not of the form algorithm:hex`;
    name = name.slice(0, at);
  }
  const colon = name.lastIndexOf(":");
  if (colon > name.lastIndexOf("/")) {
    const tag = name.slice(colon + 1);
    if (!TAG.test(tag))
      return `its tag '${tag}' is not up to 128 letters, digits, '_', '.' and '-', starting with no '.' or '-'`;
    name = name.slice(0, colon);
  }
  if (name.length > 255) return "its name is longer than the 255 characters Docker takes";
  const parts = name.split("/");
  // A first part with a dot or a port, or localhost, names the registry.
  if (parts.length > 1 && (/[.:]/.test(parts[0]!) || parts[0] === "localhost")) {
    const registry = parts.shift()!;
    if (!DOMAIN.test(registry)) return `its registry '${registry}' is not a host name`;
  }
  const repository = parts.join("/");
  if (parts.every((part) => PATH_COMPONENT.test(part))) return undefined;
  return parts.every((part) => PATH_COMPONENT.test(part.toLowerCase()))
    ? `its repository '${repository}' has capitals, and must be lower case`
    : `its repository '${repository}' is not a name Docker accepts`;
}

/** A host path as a mount names it, without doubled slashes or one at its end. */
const hostPathOf = (source: string) => source.replace(/\/+/g, "/").replace(/(.)\/$/, "$1");

/**
 * The host folders that hold the Docker socket (/var/run/docker.sock, which is /run/docker.sock
 * where /var/run links to /run), and those above them: mounting one gives the container the socket
 * as surely as mounting the socket. Not /, which gives it the whole host, and is said so.
 */
const SOCKET_FOLDERS = new Set(["/var/run", "/run", "/var"]);

/** What is said of a mount of a folder that holds the Docker socket, by who mounts it. */
export const socketFolderMessage = (who: string, folder: string) =>
  `${who} mounts the host's ${folder}, the folder that holds the Docker socket`;

export const SOCKET_FOLDER_HINT =
  "mount only the subfolder it needs (/var/run/postgresql), or reach Docker through a socket proxy";

/** The host folder a bind mount's source names, when it holds the Docker socket. */
export function dockerSocketFolder(source: string): string | undefined {
  const path = hostPathOf(source);
  return SOCKET_FOLDERS.has(path) ? path : undefined;
}

/**
 * Host folders that hold the host's system: its root, its configuration, its kernel's views of
 * processes and devices, what it boots from and runs, root's home, and the state of its container
 * runtimes. Files inside them (/etc/localtime) are not among them, nor the folders that hold the
 * Docker socket (dockerSocketFolder), which are said to give the host.
 */
const SENSITIVE_HOST_PATHS = new Set([
  "/",
  "/bin",
  "/boot",
  "/dev",
  "/etc",
  "/lib",
  "/proc",
  "/root",
  "/sbin",
  "/sys",
  "/usr",
  "/var/lib/containerd",
  "/var/lib/docker",
  "/var/lib/kubelet",
]);

/**
 * The folders of a user's home that hold credentials: SSH keys, cloud and cluster credentials,
 * registry logins, signing keys. Unlike the system's folders, a file in one is as sensitive.
 */
const CREDENTIAL_FOLDER = /(?:^|\/)(?:\.ssh|\.aws|\.azure|\.kube|\.docker|\.gnupg|\.config\/gcloud)(?:\/|$)/;

/**
 * The host folder a bind mount's source names, when it is one of those that hold the host's system
 * or a user's credentials.
 */
export function sensitiveHostPath(source: string): string | undefined {
  const path = hostPathOf(source);
  return SENSITIVE_HOST_PATHS.has(path) || CREDENTIAL_FOLDER.test(path) ? path : undefined;
}

/** root or uid 0; Compose writes user:group, and the group does not make the process root. */
export function isRootUser(user: string | number | undefined): boolean {
  const name = String(user ?? "").split(":")[0];
  return name === "0" || name === "root";
}

/** Capabilities that reach past the container: the host's kernel, devices, network or other processes. */
const DANGEROUS_CAPABILITIES = new Set([
  "ALL",
  "SYS_ADMIN",
  "SYS_MODULE",
  "SYS_RAWIO",
  "SYS_PTRACE",
  "SYS_BOOT",
  "SYS_TIME",
  "NET_ADMIN",
  "DAC_READ_SEARCH",
  "BPF",
  "MAC_ADMIN",
]);

/** The Linux capabilities, as Docker and the kernel name them (without CAP_); ALL stands for every one. */
const KNOWN_CAPABILITIES = new Set([
  "ALL",
  "AUDIT_CONTROL",
  "AUDIT_READ",
  "AUDIT_WRITE",
  "BLOCK_SUSPEND",
  "BPF",
  "CHECKPOINT_RESTORE",
  "CHOWN",
  "DAC_OVERRIDE",
  "DAC_READ_SEARCH",
  "FOWNER",
  "FSETID",
  "IPC_LOCK",
  "IPC_OWNER",
  "KILL",
  "LEASE",
  "LINUX_IMMUTABLE",
  "MAC_ADMIN",
  "MAC_OVERRIDE",
  "MKNOD",
  "NET_ADMIN",
  "NET_BIND_SERVICE",
  "NET_BROADCAST",
  "NET_RAW",
  "PERFMON",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYSLOG",
  "SYS_ADMIN",
  "SYS_BOOT",
  "SYS_CHROOT",
  "SYS_MODULE",
  "SYS_NICE",
  "SYS_PACCT",
  "SYS_PTRACE",
  "SYS_RAWIO",
  "SYS_RESOURCE",
  "SYS_TIME",
  "SYS_TTY_CONFIG",
  "WAKE_ALARM",
]);

/** Whether the runtime knows the capability; one it does not (a typo) stops the container from being made. */
export function isKnownCapability(capability: string): boolean {
  return KNOWN_CAPABILITIES.has(capabilityName(capability));
}

/** A capability as the model keeps it: upper case, without the CAP_ prefix Compose also accepts. */
export function capabilityName(capability: string): string {
  return capability.toUpperCase().replace(/^CAP_/, "");
}

/** The capability's name, if it is dangerous. */
export function dangerousCapability(capability: string): string | undefined {
  const name = capabilityName(capability);
  return DANGEROUS_CAPABILITIES.has(name) ? name : undefined;
}

/** What a container runs without, where it turns off this confinement: "its seccomp profile". */
export function confinementName(confinement: Confinement): string {
  return {
    seccomp: "its seccomp profile",
    apparmor: "its AppArmor profile",
    selinux: "its SELinux separation",
  }[confinement];
}

/**
 * An option or setting that carries a secret, and its value: --password=x, --db-password x,
 * --requirepass x (Redis), token: x, a Java property -Dspring.datasource.password=x. A word after a
 * space that starts with a dash is the next option (--session-token --verbose), not the value.
 */
const SECRET_ARGUMENT =
  /(?:^|[\s"'])-{0,2}(?:[\w.-]*(?:password|passwd|secret|token|api[-_]?key)|pwd|pass|requirepass|masterauth|authorization:\s*(?:bearer|basic))(?:\s*[=:][=\s:]*|\s+(?=[^\s-]))(\S+)/gi;

/**
 * The clients that take a password by a letter: MySQL's and MariaDB's glued to -p (`-pS3cret`; a
 * word after a lone -p is the database), redis-cli's after -a, MongoDB's shell's after -p (alone,
 * it asks for one), curl's after the user's name and a colon of -u or --user (`-fsu elastic:…`;
 * a name alone, it asks for one). Within one command of the line, and
 * a bounded way after the client's name, so that a long line is read in linear time.
 */
const CLIENT_PASSWORD =
  /\b(?:mysql|mysqladmin|mysqldump|mariadb|mariadb-admin|mariadb-dump)\b[^|;&]{0,200}?\s-p(\S+)|\bredis-cli\b[^|;&]{0,200}?\s-a\s+(\S+)|\bmongo(?:sh)?\b[^|;&]{0,200}?\s-p\s+([^\s-]\S*)|\bcurl\b[^|;&]{0,200}?\s(?:-[A-Za-z]*u\s*|--user[=\s]\s*)["']?[^\s:"']*:([^\s"']\S*)/g;

/** The password of a URL with credentials (postgres://app:s3cret@db/app), wherever the line has one. */
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^/\s@]+)(?=@)/gi;

/**
 * A word every SECRET_ARGUMENT, CLIENT_PASSWORD or URL_PASSWORD match contains. Most command lines have none,
 * and testing for it costs far less than SECRET_ARGUMENT, which tries its option name at every word.
 * curl counts only with a user option: most health checks call curl, and pass no password.
 */
const SECRET_WORD =
  /pass|pwd|secret|token|api[-_]?key|masterauth|authorization|mysql|mariadb|redis-cli|mongo|curl\b[^|;&]{0,200}?\s-(?:[a-z]*u|-user)|:\/\/[^/\s@]*@/i;

/** A command as one line, its words joined by spaces, as the rules and `.env.example` read it. */
export const commandLine = (command: string | readonly string[] | undefined): string =>
  command === undefined ? "" : typeof command === "string" ? command : command.join(" ");

/**
 * Whether a value is written as it is: not a variable ($VAR, ${VAR}) nor a command's output
 * ($(cat /run/secrets/pw), `cat …`), quoted or not (\"$VAR\" inside a quoted line too), which is how a
 * secret should be passed.
 */
export const writtenAsItIs = (value: string) => !/^[\\"']*[$`]/.test(value);

/** A secret a command line passes: where its value starts, the value, and the option that takes it. */
export interface CommandSecret {
  start: number;
  value: string;
  /** The option's name without its dashes (requirepass, db-password); "password" for a client's -p or -a. */
  option: string;
}

/** Where in a command line each value it passes a secret in starts, the value, and its option. */
function secretValues(line: string): CommandSecret[] {
  return SECRET_WORD.test(line) ? secretValuesFound(line) : [];
}

/**
 * The values the patterns alone find in a line, without the quick test for a secret word that
 * spares most lines them: exported so a test can hold that test to never change what is found.
 */
export function secretValuesFound(line: string): CommandSecret[] {
  const found = (match: RegExpMatchArray, option: (taken: string) => string) => {
    // The value ends the match; a quote that closes a quoted line around it is the line's, not the value's.
    const written = (match[1] ?? match[2] ?? match[3] ?? match[4])!;
    const value = /^["']/.test(written) ? written : written.replace(/["']+$/, "");
    const start = match.index! + match[0].length - written.length;
    return { start, value, option: option(match[0].slice(0, match[0].length - written.length)) };
  };
  return [
    ...[...line.matchAll(SECRET_ARGUMENT)].map((m) =>
      found(m, (taken) => taken.replace(/^[\s"']*-*/, "").replace(/[=\s:]+$/, "")),
    ),
    ...[...line.matchAll(CLIENT_PASSWORD)].map((m) => found(m, () => "password")),
    ...[...line.matchAll(URL_PASSWORD)].map((m) => found(m, () => "password")),
  ];
}

/** The secrets a command line passes as they are, not from a variable, in the order they are written. */
export function literalSecrets(line: string): CommandSecret[] {
  return secretValues(line)
    .filter(({ value }) => writtenAsItIs(value))
    .sort((a, b) => a.start - b.start);
}

/** Whether a command line passes a secret as it is; a variable ($VAR, ${VAR}) is how it should be done. */
export function passesSecret(command: string | readonly string[] | undefined): boolean {
  return secretValues(commandLine(command)).some(({ value }) => writtenAsItIs(value));
}

/** A command line as a document shows it: a secret it passes is left out. */
export function commandText(command: string | readonly string[] | undefined): string {
  const line = commandLine(command);
  const hidden = literalSecrets(line);
  let shown = "";
  let at = 0;
  for (const { start, value } of hidden) {
    if (start < at) continue;
    shown += `${line.slice(at, start)}…`;
    at = start + value.length;
  }
  return shown + line.slice(at);
}

/**
 * A command's words as a document shows them, each the word it is: a secret the line passes (-p
 * after a client's name in another word) left out of the word that holds it.
 */
export function commandWords(words: readonly string[]): string[] {
  const hidden = literalSecrets(commandLine(words));
  if (hidden.length === 0) return [...words];
  let from = 0;
  return words.map((word) => {
    let shown = "";
    let at = 0;
    for (const { start, value } of hidden) {
      const begin = Math.max(start - from, at);
      const end = Math.min(start - from + value.length, word.length);
      if (end <= begin) continue;
      shown += `${word.slice(at, begin)}…`;
      at = end;
    }
    from += word.length + 1;
    return shown + word.slice(at);
  });
}

/**
 * Where the first secret a command passes is: its value where the file writes it, found in the text
 * of what holds it (the word of a list, or the whole command) as the same occurrence of its text, in
 * a plain or quoted scalar or a block's lines alike. Written otherwise (an escape within it, a
 * variable the value came from) or with no text to look in, the word that holds it, if known.
 */
function secretAt(
  { command, commandAt, commandWordsAt }: Pick<Service, "command" | "commandAt" | "commandWordsAt">,
  sources?: ReadonlyMap<string, string>,
): SourceRange | undefined {
  const secret = firstSecret(command);
  if (!secret) return undefined;
  const holder = holderOf(command!, secret.start, commandAt, commandWordsAt);
  if (!holder) return undefined;
  const text = sources?.get(holder.at.file);
  return (
    (text !== undefined && secret.bare !== "" && writtenWithin(text, holder.at, holder, secret.bare)) ||
    holder.at
  );
}

/** A secret as the word of a list, or the command written as one string, holds it. */
export interface HeldSecret {
  /** The index of the list's word that holds it; none for a command written as one string. */
  word?: number;
  /** The word, or the command, that holds it. */
  value: string;
  /** Where in `value` it starts. */
  offset: number;
  secret: string;
}

/**
 * The first secret a command passes, by what holds it: for a reader that finds what holds it in
 * the file itself (a compose file's entrypoint, which the model does not keep), and then the
 * secret there with `secretWithin`.
 */
export function heldSecret(command: string | readonly string[]): HeldSecret | undefined {
  const secret = firstSecret(command);
  if (!secret || secret.bare === "") return undefined;
  if (typeof command === "string") return { value: command, offset: secret.start, secret: secret.bare };
  const word = wordAt(command, secret.start);
  return word && { word: word.index, value: command[word.index]!, offset: word.offset, secret: secret.bare };
}

/** Where a held secret is written within `at`, the range of what holds it in `text`, if it is written as it is. */
export function secretWithin(text: string, at: SourceRange, held: HeldSecret): SourceRange | undefined {
  return writtenWithin(text, at, held, held.secret);
}

/** The first secret a command passes: where it starts in the command's line, and its text. */
function firstSecret(
  command: string | readonly string[] | undefined,
): { start: number; bare: string } | undefined {
  const secret = literalSecrets(commandLine(command))[0];
  if (!secret) return undefined;
  // Quotes around the value, escaped or not (--password=\"s3cret\"), are the line's: the secret is
  // what they hold, and quotes escaped for the file's own string would be written otherwise there.
  const lead = /^[\\"']*/.exec(secret.value)![0].length;
  return { start: secret.start + lead, bare: secret.value.slice(lead).replace(/[\\"']+$/, "") };
}

/** Which of a command's words holds the first secret it passes as it is, if it passes one. */
export function secretWord(words: readonly string[]): number | undefined {
  const secret = firstSecret(words);
  return secret && wordAt(words, secret.start)?.index;
}

/** The word of a list that holds a place of its line, joined by one space, and the place within it. */
function wordAt(words: readonly string[], start: number): { index: number; offset: number } | undefined {
  let from = 0;
  for (const [index, word] of words.entries()) {
    if (start < from + word.length + 1) return { index, offset: start - from };
    from += word.length + 1;
  }
  return undefined;
}

/** The word of a list (or the command written as one string) that holds a place of its line, and where it is. */
function holderOf(
  command: string | readonly string[],
  start: number,
  commandAt: SourceRange | undefined,
  wordsAt: readonly SourceRange[] | undefined,
): { value: string; offset: number; at: SourceRange } | undefined {
  if (typeof command === "string") return commandAt && { value: command, offset: start, at: commandAt };
  const word = wordsAt && wordAt(command, start);
  const at = word && wordsAt[word.index];
  return at && { value: command[word.index]!, offset: word.offset, at };
}

/** The secret in the file's text within `at`: the occurrence of its value that it is in `holder`. */
function writtenWithin(
  text: string,
  at: SourceRange,
  holder: { value: string; offset: number },
  secret: string,
): SourceRange | undefined {
  const before = occurrences(holder.value.slice(0, holder.offset), secret);
  const written = text.slice(at.start, at.end);
  let index = -1;
  for (let seen = 0; seen <= before; seen++) {
    index = written.indexOf(secret, index + 1);
    if (index < 0) return undefined;
  }
  return { file: at.file, start: at.start + index, end: at.start + index + secret.length };
}

/** How many times `part` starts in `text`, overlapping or not. */
function occurrences(text: string, part: string): number {
  let count = 0;
  for (let index = text.indexOf(part); index >= 0; index = text.indexOf(part, index + 1)) count++;
  return count;
}

/** What to do about a secret on a command line, said in the language of what it was read from. */
export const SECRET_IN_COMMAND_HINTS = {
  model: "read it from a variable that references a secret",
  compose: `let the program read it from a variable (environment: { NAME: \${NAME} }, set in .env) or from a secret file (/run/secrets/…), not from its command line`,
  kubernetes:
    "let the program read it from a variable set from a Secret (valueFrom: { secretKeyRef: { name: …, key: … } }) or from a Secret mounted as a file, not from its command or args",
} as const;

/**
 * The command lines of a service (its command, its health check's) that pass a secret: found alike
 * by the rule and by the generators, which refuse to write them. With the files' text, a secret in
 * the command is pointed at where it is written. `argumentsFrom` is the first word of the command
 * that is its arguments, as a Kubernetes container's args follow its command: a secret from there
 * on is said to be in the arguments.
 */
export function secretCommands(
  service: Service,
  health = true,
  sources?: ReadonlyMap<string, string>,
  argumentsFrom?: number,
): { at: SourceRange; message: string }[] {
  const found: { at: SourceRange; message: string }[] = [];
  if (passesSecret(service.command)) {
    const { command } = service;
    const word = argumentsFrom !== undefined && Array.isArray(command) ? secretWord(command) : undefined;
    const inArguments = word !== undefined && word >= argumentsFrom!;
    found.push({
      at: secretAt(service, sources) ?? service.commandAt ?? service.at,
      message: inArguments
        ? `the arguments of '${service.id}' pass a secret on the command line`
        : `the command of '${service.id}' passes a secret on the command line`,
    });
  }
  if (health && service.health?.type === "command" && passesSecret(service.health.command))
    found.push({
      at: secretAt(service.health, sources) ?? service.health.commandAt ?? service.health.at,
      message: `the health check of '${service.id}' passes a secret on the command line`,
    });
  return found;
}

/** Whether a capability is NET_RAW, which a container that adds it keeps whatever it drops. */
export function isNetRaw(name: unknown): boolean {
  return typeof name === "string" && capabilityName(name) === "NET_RAW";
}

/** Whether a list of dropped capabilities drops NET_RAW, alone or with all. */
export function dropsNetRaw(dropped: readonly unknown[]): boolean {
  return dropped.some(
    (name) => isNetRaw(name) || (typeof name === "string" && capabilityName(name) === "ALL"),
  );
}
