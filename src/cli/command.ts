/** Where a command writes text: standard output or error, or a test's capture. */
export interface Output {
  write(text: string): unknown;
}

/** What a command gets instead of globals, so tests can drive the CLI in-process. */
export interface CliIo {
  stdout: Output;
  stderr: Output;
  cwd: string;
  /** True when stdout is a terminal that takes colour. */
  color: boolean;
  /**
   * The environment the command runs in, where Compose would read variables from it; none in
   * tests that drive the CLI in-process, so that what they find is the same on every machine.
   */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  description: string;
  /** Placeholder shown in help, e.g. "ENV". */
  value?: string;
}

/** A command: plain data plus a run function that returns the exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** How many paths it takes, where there is a most: one more would be passed over unread. */
  maxPositionals?: number;
  options: Record<string, OptionSpec>;
  run(
    args: { positionals: string[]; options: Record<string, string | boolean | string[] | undefined> },
    io: CliIo,
  ): Promise<number>;
}

/** The commands a CLI knows, by name; each loads when it runs, so a command pays only for what it uses. */
export type CommandTable = Record<string, { summary: string; load: () => Promise<{ default: Command }> }>;

/** Exit codes users rely on. */
export const ExitCode = { ok: 0, findings: 1, unusable: 2 } as const;
