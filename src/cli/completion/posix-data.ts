// The part of the bash and zsh scripts that both shells read alike: per command path,
// its subcommands, flags, flags that take a value, positionals, and each flag's values;
// and the walk over the words typed so far that finds where the cursor is.
import type { CommandModel, FlagModel } from './model.js';
import { walk } from './model.js';

/** Single-quoted for sh. */
export function sq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const names = (f: FlagModel): string[] => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])];

function positionals(c: CommandModel): string {
  // KIND[+KIND], or =WORD,WORD for fixed words; * marks the last, repeated one.
  return c.positionals.map((p) => `${p.values.length > 0 ? `=${p.values.join(',')}` : p.kinds.join('+') || '-'}${p.variadic ? '*' : ''}`).join(' ');
}

function commandData(model: CommandModel): string {
  const rows = walk(model).map((c) => {
    const fields = [
      `bx_subs=${sq(c.children.map((s) => s.path[s.path.length - 1]!).join(' '))}`,
      `bx_flags=${sq(c.flags.flatMap(names).join(' '))}`,
      `bx_valued=${sq(c.flags.filter((f) => f.takesValue).flatMap(names).join(' '))}`,
      `bx_pos=${sq(positionals(c))}`,
      `bx_after=${sq(c.commandAfter === undefined ? '' : String(c.commandAfter))}`,
    ];
    return `    ${sq(c.path.join(' '))}) ${fields.join('; ')} ;;`;
  });
  return ['__boxctl_cmd() {', '  case $1 in', ...rows, "    *) bx_subs=''; bx_flags=''; bx_valued=''; bx_pos=''; bx_after='' ;;", '  esac', '}'].join('\n');
}

function valueData(model: CommandModel): string {
  const rows: string[] = [];
  for (const c of walk(model)) {
    for (const f of c.flags.filter((x) => x.takesValue && (x.values.length > 0 || x.kinds.length > 0))) {
      const keys = names(f).map((n) => sq(`${c.path.join(' ')}|${n}`));
      rows.push(`    ${keys.join('|')}) bx_values=${sq(f.values.join(' '))}; bx_kind=${sq(f.kinds.join(' '))} ;;`);
    }
  }
  return ['__boxctl_values() {', '  case "$1|$2" in', ...rows, "    *) bx_values=''; bx_kind='' ;;", '  esac', '}'].join('\n');
}

/**
 * The shared walk. Callers turn word splitting on and globbing off (bash: `set -f`;
 * zsh: shwordsplit, noglob), set bx_prog (the boxctl being completed) and declare
 * the other bx_ variables local; these functions fill them in. (bx_, not path or
 * pos: zsh's $path is $PATH.)
 */
const WALK = String.raw`# Reads the words before the cursor: the command path, how many positionals were
# given, a flag still waiting for its value, and --root/--runroot to pass on.
__boxctl_walk() {
  local w last
  bx_path=''; bx_npos=0; bx_expect=''; bx_gflags=()
  __boxctl_cmd ''
  for w in "$@"; do
    if [[ -n $bx_expect ]]; then
      [[ $bx_expect == --root || $bx_expect == --runroot ]] && bx_gflags+=("$bx_expect" "$w")
      bx_expect=''
      continue
    fi
    if [[ -n $bx_after ]] && ((bx_npos >= bx_after)); then
      bx_npos=$((bx_npos + 1))
      continue
    fi
    case $w in
      --root=* | --runroot=*) bx_gflags+=("$w") ;;
      --*=*) ;;
      --*) [[ " $bx_valued " == *" $w "* ]] && bx_expect=$w ;;
      -?*)
        last=-\${w#"\${w%?}"}
        [[ " $bx_valued " == *" $last "* ]] && bx_expect=$last
        ;;
      *)
        if ((bx_npos == 0)) && [[ " $bx_subs " == *" $w "* ]]; then
          bx_path=\${bx_path:+$bx_path }$w
          __boxctl_cmd "$bx_path"
        else
          bx_npos=$((bx_npos + 1))
        fi
        ;;
    esac
  done
}

# Adds to bx_out each word of LIST, after PREFIX, that may replace CUR.
__boxctl_offer() {
  local cur=$1 prefix=$2 candidate
  for candidate in $3; do
    [[ $prefix$candidate == "$cur"* ]] && bx_out+=("$prefix$candidate")
  done
}

__boxctl_live() {
  "$bx_prog" "\${bx_gflags[@]}" __complete "$1" 2>/dev/null
}

# What each of KINDS (words) stands for: live names to offer, or paths (bx_files).
__boxctl_kinds() {
  local cur=$1 prefix=$2 k
  for k in $3; do
    case $k in
      containers | images | volumes) __boxctl_offer "$cur" "$prefix" "$(__boxctl_live "$k")" ;;
      files | directories) bx_files=$k ;;
    esac
  done
}

# The values of FLAG: its fixed words, live names, paths, or names and paths (-v).
__boxctl_value() {
  local cur=$1 prefix=$2
  __boxctl_values "$bx_path" "$3"
  __boxctl_offer "$cur" "$prefix" "$bx_values"
  __boxctl_kinds "$cur" "$prefix" "$bx_kind"
}

# After __boxctl_walk: bx_out, every word that may replace CUR, and bx_files, set to
# 'files' or 'directories' when the shell should offer paths as well.
__boxctl_candidates() {
  local cur=$1 k i
  bx_out=(); bx_files=''
  if [[ -n $bx_after ]] && ((bx_npos >= bx_after)); then
    bx_files=files
    return
  fi
  if [[ -n $bx_expect ]]; then
    __boxctl_value "$cur" '' "$bx_expect"
    return
  fi
  case $cur in
    --*=*) __boxctl_value "$cur" "\${cur%%=*}=" "\${cur%%=*}" ;;
    -*) __boxctl_offer "$cur" '' "$bx_flags" ;;
    *)
      if ((bx_npos == 0)) && [[ -n $bx_subs ]]; then
        __boxctl_offer "$cur" '' "$bx_subs"
        return
      fi
      i=0; bx_kind=''
      for k in $bx_pos; do
        if ((i == bx_npos)) || [[ $k == *'*' && $i -le $bx_npos ]]; then bx_kind=\${k%'*'}; fi
        i=$((i + 1))
      done
      # '=' quoted: zsh takes a bare =WORD for the path of command WORD.
      case $bx_kind in
        '='*) __boxctl_offer "$cur" '' "\${bx_kind//[=,]/ }" ;;
        *) __boxctl_kinds "$cur" '' "\${bx_kind//+/ }" ;;
      esac
      ;;
  esac
}`;

export function posixData(model: CommandModel): string {
  return [commandData(model), valueData(model), WALK.replace(/\\\$\{/g, '${')].join('\n\n');
}
