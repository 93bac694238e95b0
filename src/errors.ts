// One error hierarchy for the engine and the CLI. Messages are one line, lower case,
// and say what failed and what to do; src/cli/exit.ts is the one place that turns
// them into output and an exit code (125 is boxctl's own failure, as in Podman).

export class BoxctlError extends Error {
  readonly exitCode: number = 125;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The user asked for something invalid: a bad flag value, a malformed name. */
export class UserError extends BoxctlError {}

export class NotFoundError extends BoxctlError {}

export class ConflictError extends BoxctlError {}

/** A native helper or syscall failed; errno and the failing step travel with it. */
export class NativeError extends BoxctlError {
  constructor(
    message: string,
    readonly errno: number,
    readonly helper: string,
  ) {
    super(message);
  }
}

/** The container's command could not run: 126 when it cannot be invoked, 127 when it does not exist, as Podman exits. */
export class CommandNotRunError extends BoxctlError {
  override readonly exitCode: 126 | 127;
  constructor(message: string, code: 126 | 127) {
    super(message);
    this.exitCode = code;
  }
}
