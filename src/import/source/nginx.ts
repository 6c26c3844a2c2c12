/**
 * Simple nginx configuration → routes: each `location <path> { proxy_pass http://<host>[:port]; }`,
 * through `upstream` blocks to the host they name. Comments and quoted strings are understood;
 * anything else is skipped, and an unbalanced brace is reported, never thrown.
 */
export interface NginxRoute {
  path: string;
  host: string;
  port?: number;
}

export interface NginxReading {
  routes: NginxRoute[];
  serverNames: string[];
  listen: string[];
  problem?: { message: string; offset: number };
}

type Token = { text: string; offset: number };

function tokens(text: string): Token[] {
  const found: Token[] = [];
  const pattern = /#[^\n]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[{};]|[^\s{};#"']+/g;
  for (const match of text.matchAll(pattern)) {
    if (match[0].startsWith("#")) continue;
    const raw = match[0];
    found.push({ text: /^["']/.test(raw) ? raw.slice(1, -1) : raw, offset: match.index! });
  }
  return found;
}

interface Directive {
  name: string;
  args: string[];
  children?: Directive[];
}

function directives(list: Token[]): { tree: Directive[]; problem?: NginxReading["problem"] } {
  const root: Directive[] = [];
  const stack: { children: Directive[]; offset: number }[] = [{ children: root, offset: 0 }];
  let words: Token[] = [];
  for (const token of list) {
    const top = stack.at(-1)!;
    if (token.text === ";") {
      if (words.length > 0)
        top.children.push({ name: words[0]!.text, args: words.slice(1).map((w) => w.text) });
      words = [];
    } else if (token.text === "{") {
      const block: Directive = {
        name: words[0]?.text ?? "",
        args: words.slice(1).map((w) => w.text),
        children: [],
      };
      top.children.push(block);
      stack.push({ children: block.children!, offset: token.offset });
      words = [];
    } else if (token.text === "}") {
      if (stack.length === 1)
        return { tree: root, problem: { message: "a '}' closes no block", offset: token.offset } };
      stack.pop();
      words = [];
    } else words.push(token);
  }
  if (stack.length > 1)
    return { tree: root, problem: { message: "a '{' is never closed", offset: stack.at(-1)!.offset } };
  return { tree: root };
}

export function readNginx(text: string): NginxReading {
  const { tree, problem } = directives(tokens(text));
  const upstreams = new Map<string, { host: string; port?: number }>();
  const reading: NginxReading = { routes: [], serverNames: [], listen: [], ...(problem ? { problem } : {}) };
  const hostPort = (value: string) => {
    const [host = "", port] = value.split(":");
    return { host, ...(port && /^\d+$/.test(port) ? { port: Number(port) } : {}) };
  };
  const walk = (list: Directive[], location?: string) => {
    for (const directive of list) {
      if (directive.name === "upstream" && directive.children) {
        const server = directive.children.find((c) => c.name === "server");
        if (directive.args[0] && server?.args[0]) upstreams.set(directive.args[0], hostPort(server.args[0]));
        continue;
      }
      if (directive.name === "server_name")
        reading.serverNames.push(...directive.args.filter((a) => a !== "_"));
      if (directive.name === "listen" && directive.args[0]) reading.listen.push(directive.args[0]);
      if (directive.name === "proxy_pass" && location && directive.args[0]) {
        const target = /^[a-z]+:\/\/([^/]+)/i.exec(directive.args[0])?.[1];
        if (target) reading.routes.push({ path: location, ...hostPort(target) });
      }
      if (directive.children) {
        const path =
          directive.name === "location" ? directive.args.filter((a) => !/^[=~^]+\*?$/.test(a))[0] : undefined;
        walk(directive.children, path ?? location);
      }
    }
  };
  walk(tree);
  // proxy_pass to an upstream name means the server that upstream names.
  reading.routes = reading.routes.map((route) => {
    const upstream = upstreams.get(route.host);
    return upstream ? { path: route.path, ...upstream, ...(route.port ? { port: route.port } : {}) } : route;
  });
  return reading;
}
