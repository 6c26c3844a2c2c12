/** `check` as the whole CLI has it: models, compose files, manifests and repositories. */
import { loadsFor } from "../check/targets.js";
import { checkCommand } from "./check-command.js";

export default checkCommand(loadsFor);
