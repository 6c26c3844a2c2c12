import { modelJsonSchema } from "../model/json-schema.js";
import { type Command, ExitCode } from "./command.js";

const command: Command = {
  name: "schema",
  summary: "Print the model's JSON Schema (for editors: # yaml-language-server: $schema=…)",
  usage: "deployview schema",
  maxPositionals: 0,
  options: {},
  async run(_args, io) {
    io.stdout.write(`${JSON.stringify(modelJsonSchema(), null, 2)}\n`);
    return ExitCode.ok;
  },
};

export default command;
