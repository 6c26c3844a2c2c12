/**
 * A command in exec form (a list of words run without a shell: Compose's CMD, a Kubernetes exec
 * probe) that cannot do what it says: one word that holds a whole command line names a program that
 * does not exist, and `||`, `&&` or `|` reach the program as arguments.
 */

/**
 * What only a shell reads, as the exec form gets it by mistake: an operator, a pipe or a redirection
 * as a word of its own, or the `|| exit 1` of a shell command line copied into a word.
 */
const SHELL_SYNTAX = /^(?:\|\||&&|\||;|>|>>|2>&1)$|\s(?:\|\||&&)\s*exit\b/;
/** Options after which a word is code for the program to read (sh -c, python -c, node -e): any syntax goes. */
const CODE_OPTION = /^(?:-c|-e|--eval|-Command)$/;

export type ExecFormProblem =
  /** The first word holds a whole command line. */
  | { kind: "command-line"; index: 0 }
  /** A word holds shell syntax that no shell will read. */
  | { kind: "shell-syntax"; index: number };

export function execFormProblem(words: readonly string[]): ExecFormProblem | undefined {
  const program = words[0];
  if (program === undefined) return undefined;
  if (words.length === 1 && /\s/.test(program.trim())) return { kind: "command-line", index: 0 };
  const index = words.findIndex(
    (word, i) => i > 0 && !CODE_OPTION.test(words[i - 1]!) && SHELL_SYNTAX.test(word),
  );
  return index > 0 ? { kind: "shell-syntax", index } : undefined;
}
