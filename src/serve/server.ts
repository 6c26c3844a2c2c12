/**
 * The local viewer's server. It answers only for its own bundled files, the view data and the
 * reload event stream; checks the Host header against the address it is bound to (so a page on
 * another site cannot reach it through DNS rebinding); and sends a strict Content-Security-Policy.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname, networkInterfaces } from "node:os";
import { loadModelFile } from "../load/index.js";
import { type Asset, findAssetsDir, loadAssets } from "./assets.js";
import { buildViewData } from "./view-data.js";
import type { ViewData } from "./view-types.js";
import { watchModel } from "./watch.js";

export interface ServeOptions {
  model: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  cwd?: string;
  /** Folder of the built front-end; found beside the package when omitted. */
  assetsDir?: string;
  /** Called after each reload, with the time it took. */
  onReload?: (view: ViewData, milliseconds: number) => void;
}

export interface ViewerServer {
  url: string;
  close(): Promise<void>;
  /** The current view data (once the first layout is done). */
  view(): Promise<ViewData>;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cache-Control": "no-store",
};

/**
 * Names by which a browser may reach the server: the bound address (and, for loopback, its other
 * spellings); bound to every interface, each interface's address and the machine's name. Any other
 * Host header — a domain an attacker pointed at this address — is refused.
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const addresses = new Set([host]);
  const loopback = ["127.0.0.1", "::1", "localhost"];
  if (loopback.includes(host)) for (const name of loopback) addresses.add(name);
  if (host === "0.0.0.0" || host === "::") {
    for (const name of loopback) addresses.add(name);
    addresses.add(hostname());
    for (const list of Object.values(networkInterfaces()))
      for (const entry of list ?? []) addresses.add(entry.address);
  }
  const names = new Set<string>();
  for (const address of addresses)
    names.add(address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`);
  return names;
}

export class MissingAssetsError extends Error {}

export async function startViewer(options: ServeOptions): Promise<ViewerServer> {
  const cwd = options.cwd ?? process.cwd();
  const assetsDir = options.assetsDir ?? findAssetsDir();
  if (!assetsDir) throw new MissingAssetsError("the viewer's front-end is not built (run npm run build)");
  const assets = loadAssets(assetsDir);
  let version = 1;
  // The page is served at once; the view data follows when the first layout is done.
  let view: Promise<ViewData> = loadModelFile(options.model)
    .then((loaded) => buildViewData(loaded, cwd, version, undefined))
    .catch((error: Error) => ({
      version,
      title: "deployview",
      file: "",
      environments: [],
      placement: [],
      findings: [],
      error: { text: `internal error: ${error.message}`, count: 1 },
    }));
  const clients = new Set<ServerResponse>();

  const send = (response: ServerResponse, status: number, type: string, body: string | Buffer) => {
    response.writeHead(status, {
      ...SECURITY_HEADERS,
      "Content-Type": type,
      "Content-Length": Buffer.byteLength(body),
    });
    response.end(body);
  };
  const refuse = (response: ServerResponse, status: number, message: string) =>
    send(response, status, "text/plain; charset=utf-8", `${message}\n`);

  let allowed = new Set<string>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (!allowed.has(request.headers.host ?? "")) return refuse(response, 421, "unknown host");
    if (request.method !== "GET" && request.method !== "HEAD")
      return refuse(response, 405, "method not allowed");
    const path = (request.url ?? "/").split("?")[0]!;
    if (path === "/api/view") {
      void view.then((current) =>
        send(response, 200, "application/json; charset=utf-8", JSON.stringify(current)),
      );
      return;
    }
    if (path === "/api/events") {
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        "Content-Type": "text/event-stream; charset=utf-8",
        Connection: "keep-alive",
      });
      response.write("retry: 500\n\n");
      clients.add(response);
      request.on("close", () => clients.delete(response));
      return;
    }
    const asset: Asset | undefined = assets.get(path);
    if (!asset) return refuse(response, 404, "not found");
    send(response, 200, asset.type, asset.body);
  });
  // Requests are small; anything slow or large is not the page.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.maxHeadersCount = 50;

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowed = allowedHosts(host, port);

  const stopWatching = watchModel(options.model, async () => {
    const started = performance.now();
    version += 1;
    const previous = await view;
    let next: ViewData;
    try {
      next = await buildViewData(await loadModelFile(options.model), cwd, version, previous);
    } catch (error) {
      // A bug of ours, not the model's: say so on the page and keep the last good view.
      next = {
        ...previous,
        version,
        error: { text: `internal error: ${(error as Error).message}`, count: 1 },
      };
    }
    view = Promise.resolve(next);
    const payload = `event: view\ndata: ${JSON.stringify(next)}\n\n`;
    for (const client of clients) client.write(payload);
    options.onReload?.(next, performance.now() - started);
  });

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/`,
    view: () => view,
    close: async () => {
      stopWatching();
      for (const client of clients) client.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
