/** `check` as the whole CLI has it: models, compose files, manifests and repositories. */
import { loadsForAll } from "../check/targets.js";
import { checkCommand } from "./check-command.js";

export default checkCommand(loadsForAll);
