import { spawn } from "node:child_process";
import { relative } from "node:path";
import { pathKind } from "../load/path-kind.js";
import { MissingAssetsError, startViewer } from "../serve/server.js";
import { type Command, ExitCode } from "./command.js";
import { modelPath } from "./model-argument.js";

/** Opens the page in the desktop's browser; a machine without one just keeps the printed address. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", "", url]]
        : ["xdg-open", [url]];
  const child = spawn(command, args, { stdio: "ignore", detached: true });
  child.on("error", () => undefined);
  child.unref();
}

const command: Command = {
  name: "serve",
  summary: "Show every environment's diagram, details and findings in a local page that follows the model",
  usage: "deployview serve [model] [--port N] [--host H] [--open]",
  maxPositionals: 1,
  options: {
    port: {
      type: "string",
      short: "p",
      value: "N",
      description: "Port to listen on (default 4820; 0 picks a free one)",
    },
    host: {
      type: "string",
      value: "H",
      description: "Address to bind (default 127.0.0.1: only this machine)",
    },
    open: { type: "boolean", description: "Open the page in the browser" },
  },
  async run({ positionals, options }, io) {
    const port = options.port === undefined ? 4820 : Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.stderr.write(`deployview serve: --port must be a number from 0 to 65535\n`);
      return ExitCode.unusable;
    }
    const host = typeof options.host === "string" ? options.host : "127.0.0.1";
    const model = modelPath(io, positionals[0]);
    // The page follows the model as it is edited; one that is not there at all is a mistyped path.
    if (pathKind(model) !== "file") {
      io.stderr.write(
        `deployview serve: ${relative(io.cwd, model) || model} is not a model file; name one, or write one with deployview init\n`,
      );
      return ExitCode.unusable;
    }
    let viewer: Awaited<ReturnType<typeof startViewer>>;
    try {
      viewer = await startViewer({ model, host, port, cwd: io.cwd });
    } catch (error) {
      const reason =
        error instanceof MissingAssetsError
          ? error.message
          : `cannot listen on ${host}:${port} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      io.stderr.write(`deployview serve: ${reason}\n`);
      return ExitCode.unusable;
    }
    if (host !== "127.0.0.1" && host !== "::1" && host !== "localhost")
      io.stderr.write(`deployview serve: listening on ${host}: other machines can reach this page\n`);
    io.stdout.write(`deployview: ${viewer.url} (Ctrl-C to stop)\n`);
    if (options.open) openInBrowser(viewer.url);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await viewer.close();
    return ExitCode.ok;
  },
};

export default command;
