/**
 * Health check tests that Docker runs, and that fail every time for how they are written: the exec
 * form (CMD) runs no shell, so one word holding a whole command line names a program that does not
 * exist, and `||`, `&&` or `|` reach the program as arguments; the shell form (CMD-SHELL) takes one
 * command line, and the shell runs only its first word, the others becoming `$0`, `$1`, …; and a
 * test of one line is the shell form, whose first word the shell runs; and CMD or CMD-SHELL with no
 * command after it runs nothing.
 */
import { commandText, commandWords } from "../../model/container-risks.js";
import { execFormProblem } from "../../model/exec-form.js";
import { asText, isObject, type Json } from "../json.js";
import type { Report } from "./consistency.js";

/** The words that open a test's list form, which a test written as one line hands to the shell as a program's name. */
const FORMS = new Set(["CMD", "CMD-SHELL", "NONE"]);

/**
 * A test written as one line is the shell form (Compose makes it [CMD-SHELL, line]): one that starts
 * with a form's word, as if it were the list form, has the shell look for a program of that name.
 */
function lineProblem(id: string, written: string, report: Report): void {
  // Quoted in the finding as a document shows it: a password it passes is left out.
  const line = commandText(written.trim());
  const [first = "", ...rest] = line.split(/\s+/);
  if (!FORMS.has(first)) return;
  const command = line.slice(first.length).trim();
  report(
    "schema-invalid-value",
    `the health check of '${id}' is one line, which Compose hands to a shell, and the shell runs a program named ${first}, which does not exist: the check fails every time`,
    first === "NONE" || rest.length === 0
      ? "to turn the image's health check off, write [NONE] or disable: true"
      : /[|&;<>$`]/.test(command)
        ? `a shell reads it: write the line alone, "${command}"`
        : first === "CMD"
          ? `write it as a list: [CMD, ${rest.join(", ")}], or as the line alone: "${command}"`
          : `write it as a list: [CMD-SHELL, "${command}"], or as the line alone: "${command}"`,
    ["services", id, "healthcheck", "test"],
  );
}

/**
 * CMD or CMD-SHELL with nothing after it (or only blank words): Docker execs no program for CMD, and
 * the shell's `-c` is given no command line for CMD-SHELL, so the check can never pass.
 */
function emptyProblem(id: string, form: string, rest: unknown[], report: Report): boolean {
  if (form !== "CMD" && form !== "CMD-SHELL") return false;
  if (rest.some((word) => asText(word).trim() !== "")) return false;
  report(
    "schema-invalid-value",
    form === "CMD"
      ? `the health check of '${id}' is CMD with no command after it: Docker has nothing to run, and the check fails every time`
      : `the health check of '${id}' is CMD-SHELL with no command after it: the shell is given nothing to run, and the check fails every time`,
    form === "CMD"
      ? "name the program and its arguments after CMD, [CMD, pg_isready], or turn the check off with disable: true"
      : 'give the command line after CMD-SHELL, [CMD-SHELL, "pg_isready -U app"], or turn the check off with disable: true',
    ["services", id, "healthcheck", "test"],
  );
  return true;
}

export function healthTestProblems(id: string, raw: Json, report: Report): void {
  const test = isObject(raw.healthcheck) ? raw.healthcheck.test : undefined;
  if (typeof test === "string") lineProblem(id, test, report);
  if (!Array.isArray(test) || test.length === 0) return;
  const form = asText(test[0]);
  if (emptyProblem(id, form, test.slice(1), report)) return;
  // As a document shows them, a password left out: the findings quote them.
  const words = commandWords(test.slice(1).map(asText));
  const at = ["services", id, "healthcheck", "test"];
  if (form === "CMD-SHELL" && words.length > 1)
    report(
      "schema-invalid-value",
      `the health check of '${id}' gives CMD-SHELL ${words.length} words, where the shell runs the first alone ('${words[0]}') and takes the rest for its own parameters, never run`,
      `write the command line as one: [CMD-SHELL, "${words.join(" ")}"]`,
      [...at, 2],
    );
  if (form !== "CMD") return;
  const problem = execFormProblem(words);
  if (problem?.kind === "command-line")
    report(
      "schema-invalid-value",
      `the health check of '${id}' runs a program named '${words[0]}' (CMD runs no shell, and takes each word apart), which does not exist: the check fails every time`,
      `split it into words, [CMD, ${words[0]!.trim().split(/\s+/).join(", ")}], or let a shell read it: [CMD-SHELL, "${words[0]}"]`,
      [...at, 1],
    );
  else if (problem?.kind === "shell-syntax")
    report(
      "schema-invalid-value",
      `the health check of '${id}' hands '${words[problem.index]}' to ${words[0]} as it is written: CMD runs no shell to read it, and the check does not do what it says`,
      `let a shell read it: [CMD-SHELL, "${words.join(" ")}"]`,
      [...at, problem.index + 1],
    );
}
