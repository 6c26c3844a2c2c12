/**
 * What a Dockerfile says about the container it builds: stages and base images, exposed ports,
 * health check, user, command. Instructions are line-oriented, so a small reader does: it joins
 * continued lines, skips comments, applies ARG defaults in FROM, and never throws.
 */
import { asText } from "../json.js";

export interface DockerfileFacts {
  stages: { name: string; image: string }[];
  /** The final stage's base image. */
  baseImage?: string;
  expose: { port: number; protocol: "tcp" | "udp" }[];
  healthcheck?: { command: string | string[]; interval?: string; timeout?: string; retries?: number };
  user?: string;
  command?: string | string[];
  entrypoint?: string | string[];
  workdir?: string;
}

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** Instructions with continuation lines joined (the escape character may be set by a directive). */
export function instructions(text: string): Instruction[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const escapeCharacter = /^#\s*escape\s*=\s*`/im.test(lines.slice(0, 5).join("\n")) ? "`" : "\\";
  const found: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  const finish = (instruction: { text: string; line: number }) => {
    const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(instruction.text);
    if (match)
      found.push({ keyword: match[1]!.toUpperCase(), args: match[2]!.trim(), line: instruction.line });
  };
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    // Comments are skipped, between the lines of a continued instruction too.
    if (/^\s*#/.test(line)) return;
    const continued = line.endsWith(escapeCharacter);
    const body = continued ? line.slice(0, -1) : line;
    pending = pending
      ? { text: `${pending.text} ${body.trim()}`, line: pending.line }
      : { text: body, line: index + 1 };
    if (continued) return;
    finish(pending);
    pending = undefined;
  });
  // A last line that ends in the escape character still ends its instruction.
  if (pending) finish(pending);
  return found;
}

/** JSON form (["a", "b"]) as a list, shell form as a string. */
function commandOf(args: string): string | string[] {
  if (args.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(args);
      if (Array.isArray(parsed)) return parsed.map(asText);
    } catch {
      // Not valid JSON: Docker runs it as a shell command, and so do we.
    }
  }
  return args;
}

function substitute(value: string, args: Map<string, string>): string {
  return value.replace(
    /\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}?/g,
    (whole, name: string, fallback?: string) => args.get(name) ?? fallback ?? whole,
  );
}

/** What the Dockerfile builds: its last stage, or the stage `target` names (a build's target), and the stages up to it. */
export function readDockerfile(text: string, target?: string): DockerfileFacts {
  const facts: DockerfileFacts = { stages: [], expose: [] };
  const args = new Map<string, string>();
  let final: Omit<DockerfileFacts, "stages" | "baseImage"> = { expose: [] };
  for (const { keyword, args: rest } of instructions(text)) {
    // The stage built ends where the next begins.
    if (keyword === "FROM" && target !== undefined && facts.stages.at(-1)?.name === target) break;
    switch (keyword) {
      case "ARG": {
        const [name, ...value] = rest.split("=");
        if (name && value.length > 0) args.set(name.trim(), value.join("=").replace(/^["']|["']$/g, ""));
        break;
      }
      case "FROM": {
        const words = rest.split(/\s+/).filter((w) => !w.startsWith("--"));
        const image = substitute(words[0] ?? "", args);
        const alias = words[1]?.toUpperCase() === "AS" ? words[2] : undefined;
        facts.stages.push({ name: alias ?? `stage-${facts.stages.length + 1}`, image });
        facts.baseImage = image;
        final = { expose: [] };
        break;
      }
      case "EXPOSE":
        for (const word of rest.split(/\s+/)) {
          const [port, protocol] = substitute(word, args).split("/");
          const number = Number(port);
          if (Number.isInteger(number) && number > 0 && number < 65536)
            final.expose.push({ port: number, protocol: protocol?.toLowerCase() === "udp" ? "udp" : "tcp" });
        }
        break;
      case "HEALTHCHECK": {
        if (/^NONE\b/i.test(rest)) {
          delete final.healthcheck;
          break;
        }
        const options = Object.fromEntries(
          [...rest.matchAll(/--([a-z-]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]),
        );
        const command = /\bCMD\s+(.*)$/i.exec(rest)?.[1];
        if (!command) break;
        final.healthcheck = {
          command: commandOf(command.trim()),
          ...(options.interval ? { interval: options.interval } : {}),
          ...(options.timeout ? { timeout: options.timeout } : {}),
          ...(options.retries && Number.isInteger(Number(options.retries))
            ? { retries: Number(options.retries) }
            : {}),
        };
        break;
      }
      case "USER":
        final.user = rest;
        break;
      case "CMD":
        final.command = commandOf(rest);
        break;
      case "ENTRYPOINT":
        final.entrypoint = commandOf(rest);
        break;
      case "WORKDIR":
        final.workdir = rest;
        break;
    }
  }
  return { ...facts, ...final };
}
