// The bash completion script: the shared data and walk, and bash's glue around them.
import type { CommandModel } from './model.js';
import { posixData } from './posix-data.js';

const GLUE = String.raw`_boxctl() {
  local -
  set -f
  local bx_path bx_npos bx_expect bx_subs bx_flags bx_valued bx_pos bx_after bx_values bx_kind bx_files bx_prog cur pre
  local -a bx_gflags bx_out words
  # Words as typed, not as COMP_WORDS has them split at '=' and ':'.
  local line=\${COMP_LINE:0:COMP_POINT}
  read -ra words <<<"$line"
  [[ $line == *[[:space:]] ]] && words+=('')
  ((\${#words[@]} > 1)) || return 0
  cur=\${words[\${#words[@]} - 1]}
  bx_prog=\${words[0]}
  __boxctl_walk "\${words[@]:1:\${#words[@]}-2}"
  __boxctl_candidates "$cur"
  # bash replaces only what follows the last '=' or ':' of the word (COMP_WORDBREAKS).
  pre=''
  [[ $cur == *[=:]* ]] && pre=\${cur%"\${cur##*[=:]}"}
  COMPREPLY=("\${bx_out[@]#"$pre"}")
  case $bx_files in
    files) compopt -o default ;;
    directories) compopt -o dirnames ;;
  esac
}
complete -F _boxctl boxctl`;

export function bashScript(model: CommandModel): string {
  return [
    '# bash completion for boxctl.',
    '# Generated from the command declarations (src/cli/commands) by `npm run gen`: do not edit.',
    '# Load it with: source <(boxctl completion bash)',
    '',
    posixData(model),
    '',
    GLUE.replace(/\\\$\{/g, '${'),
    '',
  ].join('\n');
}
