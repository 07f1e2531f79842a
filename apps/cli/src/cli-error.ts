/**
 * Exit codes, one meaning each (documented in `chiso --help`):
 * 0 done · 1 unexpected failure · 2 wrong command or option · 3 input rejected · 4 cannot write output.
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, invalidInput: 3, output: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error meant for the person at the terminal: its message is already in their language. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
