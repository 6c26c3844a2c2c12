/**
 * `check` for compose files alone: what the whole CLI's check does with a path that names a compose
 * file, without the readers of everything else (the launcher sends nothing else here).
 */
import { loadComposeAsModel } from "../import/compose/index.js";
import { checkCommand } from "./check-command.js";

export default checkCommand(async (paths, compose) =>
  paths.map((path) => () => loadComposeAsModel([path], compose)),
);
