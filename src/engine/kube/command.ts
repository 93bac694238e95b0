// A container's process in Kubernetes terms and back. Kubernetes splits it as the
// image does: `command` replaces the image's Entrypoint, `args` its Cmd, and a
// command without args drops the image's Cmd (as boxctl's --entrypoint does). Strings
// there and in env values expand `$(NAME)` from the container's env, `$$` being a
// literal `$`, so what boxctl writes is escaped and what it reads is expanded.

export interface ImageProcess {
  Entrypoint?: readonly string[] | null | undefined;
  Cmd?: readonly string[] | null | undefined;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** `$` before `$` or `(` doubled, so that Kubernetes' expansion gives the text back. */
export function escapeRefs(text: string): string {
  return text.replace(/\$(?=[$(])/g, '$$$$');
}

/** Kubernetes' $(NAME) expansion: defined names replaced, `$$` to `$`, anything else as it is. */
export function expandRefs(text: string, vars: ReadonlyMap<string, string>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$' || i + 1 >= text.length) {
      out += text[i];
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    const close = next === '(' ? text.indexOf(')', i + 2) : -1;
    if (close < 0) {
      out += '$';
      continue;
    }
    const name = text.slice(i + 2, close);
    out += vars.has(name) ? vars.get(name)! : `$(${name})`;
    i = close;
  }
  return out;
}

/**
 * command/args for a container running `argv`, which began with `entrypoint`, in an
 * image with its own Entrypoint and Cmd: only what differs from the image is written.
 */
export function kubeCommand(argv: readonly string[], entrypoint: readonly string[], image: ImageProcess): { command?: string[]; args?: string[] } {
  const ep = same(argv.slice(0, entrypoint.length), entrypoint) ? entrypoint : [];
  const rest = argv.slice(ep.length);
  const out = (command: readonly string[] | undefined, args: readonly string[] | undefined) => ({
    ...(command ? { command: command.map(escapeRefs) } : {}),
    ...(args && args.length > 0 ? { args: args.map(escapeRefs) } : {}),
  });
  if (same(ep, image.Entrypoint ?? [])) {
    if (same(rest, image.Cmd ?? [])) return {};
    // An empty rest with the image's Cmd dropped: only a command without args says so.
    return rest.length > 0 ? out(undefined, rest) : out(ep, undefined);
  }
  // A cleared entrypoint: the whole process is the command.
  return ep.length > 0 ? out(ep, rest) : out(rest, undefined);
}

/**
 * The entrypoint and command a CreateRequest takes for command/args (already
 * expanded): boxctl's --entrypoint is one word, so the rest of `command` goes first
 * in the command line, which runs the same process.
 */
export function requestCommand(command: readonly string[] | undefined, args: readonly string[] | undefined): { entrypoint?: string; command: string[] } {
  if (command && command.length > 0) return { entrypoint: command[0]!, command: [...command.slice(1), ...(args ?? [])] };
  return { command: [...(args ?? [])] };
}
