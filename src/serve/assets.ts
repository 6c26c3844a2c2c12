/** The viewer's bundled front-end: found beside the built package, read once, served from memory. */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface Asset {
  type: string;
  body: Buffer;
}

const FILES: Record<string, string> = {
  "/": "index.html",
  "/app.js": "app.js",
  "/app.css": "app.css",
};

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
};

/** Where the built viewer lives: beside the bundle (dist/viewer) whether this code runs from dist/, dist/chunks/ or src/serve/. */
export function findAssetsDir(): string | undefined {
  const candidates = ["./viewer/", "../viewer/", "../../dist/viewer/"].map((p) =>
    fileURLToPath(new URL(p, import.meta.url)),
  );
  return candidates.find((dir) => existsSync(`${dir}app.js`) && existsSync(`${dir}index.html`));
}

/** Reads the fixed set of files; nothing else on disk can ever be served. */
export function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const [route, file] of Object.entries(FILES)) {
    const extension = file.split(".").pop()!;
    assets.set(route, { type: TYPES[extension]!, body: readFileSync(`${dir.replace(/\/?$/, "/")}${file}`) });
  }
  return assets;
}
