// The zsh completion function: the shared data and walk, and zsh's glue around them.
// Installed as _boxctl in $fpath it is autoloaded; sourced, it registers itself.
import type { CommandModel } from './model.js';
import { posixData } from './posix-data.js';

const GLUE = String.raw`_boxctl() {
  setopt localoptions shwordsplit noglob
  local bx_path bx_npos bx_expect bx_subs bx_flags bx_valued bx_pos bx_after bx_values bx_kind bx_files
  local -a bx_gflags bx_out
  local bx_prog=\${words[1]}
  __boxctl_walk "\${(@)words[2,CURRENT-1]}"
  __boxctl_candidates "\${words[CURRENT]}"
  local ret=1
  if ((\${#bx_out})); then
    compadd -U -- "\${bx_out[@]}" && ret=0
  fi
  case $bx_files in
    files) _files && ret=0 ;;
    directories) _files -/ && ret=0 ;;
  esac
  return ret
}

if [[ \${funcstack[1]} == _boxctl ]]; then
  _boxctl "$@"
else
  compdef _boxctl boxctl
fi`;

export function zshScript(model: CommandModel): string {
  return [
    '#compdef boxctl',
    '# zsh completion for boxctl.',
    '# Generated from the command declarations (src/cli/commands) by `npm run gen`: do not edit.',
    '# Install it as _boxctl in a directory of $fpath, or load it with: source <(boxctl completion zsh)',
    '',
    posixData(model),
    '',
    GLUE.replace(/\\\$\{/g, '${'),
    '',
  ].join('\n');
}
