// The fish completion script: fish's own `complete` lines, one per command path, flag
// and positional, each guarded by a walk over the words typed so far that finds the
// command path (fish matches flags and values itself, including --flag=value).
import type { CompleteKind } from '../spec.js';
import type { CommandModel, FlagModel } from './model.js';
import { walk } from './model.js';

/** Single-quoted for fish (only \ and ' are special inside). */
function fq(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

const names = (f: FlagModel): string[] => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])];

function data(model: CommandModel): string {
  const rows = walk(model).flatMap((c) => [
    `        case ${fq(c.path.join(' '))}`,
    `            set -g __bx_subs ${c.children.map((s) => fq(s.path[s.path.length - 1]!)).join(' ')}`,
    `            set -g __bx_valued ${c.flags.filter((f) => f.takesValue).flatMap(names).join(' ')}`,
    `            set -g __bx_after ${c.commandAfter ?? ''}`,
  ]);
  return ['function __boxctl_cmd', '    switch "$argv[1]"', ...rows, '        case \'*\'', '            set -g __bx_subs', '            set -g __bx_valued', '            set -g __bx_after', '    end', 'end'].join('\n');
}

const WALK = String.raw`# Reads the words before the cursor, once per command line: the command path, how
# many positionals were given, and --root/--runroot to pass on to __complete.
function __boxctl_walk
    set -l line (commandline -cp)
    test "$line" = "$__bx_line"; and return
    set -g __bx_line $line
    set -l words (commandline -opc)
    set -g __bx_prog $words[1]
    set -g __bx_path ''
    set -g __bx_npos 0
    set -g __bx_gflags
    __boxctl_cmd ''
    set -l expect ''
    for w in $words[2..-1]
        if test -n "$expect"
            contains -- $expect --root --runroot; and set -a __bx_gflags $expect $w
            set expect ''
            continue
        end
        if test -n "$__bx_after"; and test $__bx_npos -ge $__bx_after
            set __bx_npos (math $__bx_npos + 1)
            continue
        end
        switch $w
            case '--root=*' '--runroot=*'
                set -a __bx_gflags $w
            case '--*=*'
            case '--*'
                contains -- $w $__bx_valued; and set expect $w
            case '-?*'
                set -l last -(string sub -s -1 -- $w)
                contains -- $last $__bx_valued; and set expect $last
            case '*'
                if test $__bx_npos -eq 0; and contains -- $w $__bx_subs
                    set __bx_path (string trim -- "$__bx_path $w")
                    __boxctl_cmd $__bx_path
                else
                    set __bx_npos (math $__bx_npos + 1)
                end
        end
    end
end

# True when the line is at command PATH.
function __boxctl_at
    __boxctl_walk
    test "$__bx_path" = "$argv[1]"
end

# True when the line is at PATH and waits for a subcommand.
function __boxctl_sub
    __boxctl_at $argv[1]; and test $__bx_npos -eq 0
end

# True when the line is at PATH and the next word is positional N (or, with +, N or later).
function __boxctl_arg
    __boxctl_at $argv[1]; or return 1
    test -n "$__bx_after"; and test $__bx_npos -ge $__bx_after; and return 1
    test $__bx_npos -eq $argv[2]; or begin; test "$argv[3]" = +; and test $__bx_npos -ge $argv[2]; end
end

# True past the positionals, where the user's own command line begins.
function __boxctl_command_part
    __boxctl_walk
    test -n "$__bx_after"; and test $__bx_npos -ge $__bx_after
end

function __boxctl_live
    __boxctl_walk
    $__bx_prog $__bx_gflags __complete $argv[1] 2>/dev/null
end`;

const LIVE: readonly CompleteKind[] = ['containers', 'images', 'volumes'];

/** `(__boxctl_live KIND)` for each kind of live names. */
function liveArgs(kinds: readonly CompleteKind[]): string[] {
  return kinds.filter((k) => LIVE.includes(k)).map((k) => `(__boxctl_live ${k})`);
}

function valueArgs(f: FlagModel): string {
  if (!f.takesValue) return '';
  const words = f.values.map((v) => v.replace(/[\\'" {}()$*?~#;&|<>]/g, (c) => `\\${c}`));
  const dirs = f.kinds.includes('directories') ? ['(__fish_complete_directories)'] : [];
  const all = [...words, ...liveArgs(f.kinds), ...dirs];
  // -r alone lets fish offer file names for the value too: -x (-r -f) everywhere else.
  const files = f.kinds.includes('files') ? ' -r -F' : ' -x';
  return `${files}${all.length > 0 ? ` -a ${fq(all.join(' '))}` : ''}`;
}

function lines(c: CommandModel): string[] {
  const at = fq(c.path.join(' '));
  const out: string[] = [];
  for (const s of c.children) {
    out.push(`complete -c boxctl -f -n "__boxctl_sub ${at}" -a ${fq(s.path[s.path.length - 1]!)} -d ${fq(s.summary)}`);
  }
  for (const f of c.flags) {
    const short = f.short ? ` -s ${f.short}` : '';
    out.push(`complete -c boxctl -n "__boxctl_at ${at}" -l ${f.long}${short}${valueArgs(f)} -d ${fq(f.description)}`);
  }
  c.positionals.forEach((p, i) => {
    const cond = `"__boxctl_arg ${at} ${i}${p.variadic ? ' +' : ''}"`;
    if (p.values.length > 0) {
      out.push(`complete -c boxctl -f -n ${cond} -a ${fq(p.values.join(' '))}`);
      return;
    }
    const live = liveArgs(p.kinds);
    if (live.length > 0) out.push(`complete -c boxctl -f -n ${cond} -a ${fq(live.join(' '))}`);
    if (p.kinds.includes('files')) out.push(`complete -c boxctl -F -n ${cond}`);
    else if (p.kinds.includes('directories')) out.push(`complete -c boxctl -f -n ${cond} -a '(__fish_complete_directories)'`);
  });
  return out;
}

export function fishScript(model: CommandModel): string {
  return [
    '# fish completion for boxctl.',
    '# Generated from the command declarations (src/cli/commands) by `npm run gen`: do not edit.',
    '# Install it as ~/.config/fish/completions/boxctl.fish, or load it with: boxctl completion fish | source',
    '',
    data(model),
    '',
    WALK,
    '',
    '# No file names unless a flag or argument takes them.',
    'complete -c boxctl -f',
    'complete -c boxctl -F -n __boxctl_command_part',
    ...walk(model).flatMap(lines),
    '',
  ].join('\n');
}
