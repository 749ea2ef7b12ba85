// `trustcheck completion bash|zsh`: completion scripts generated from the program's own commands
// and options, so they never drift from what the CLI accepts.
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { ExitCode } from '../../errors.js';

interface CommandWords {
  path: string;
  subcommands: string[];
  options: string[];
}

function collect(command: Command, prefix: string[], out: CommandWords[]): void {
  const visible = command.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden);
  out.push({
    path: prefix.join(' '),
    subcommands: visible.map((c) => c.name()),
    options: command.options
      .flatMap((o) => [o.long, o.short].filter((x): x is string => x !== undefined))
      .concat('--help'),
  });
  for (const sub of visible) collect(sub, [...prefix, sub.name()], out);
}

function words(program: Command): CommandWords[] {
  const out: CommandWords[] = [];
  collect(program, [], out);
  return out;
}

export function bashScript(all: CommandWords[]): string {
  const cases = all
    .map((c) => `    "${c.path}") words="${[...c.subcommands, ...c.options].join(' ')}" ;;`)
    .join('\n');
  return `# bash completion for trustcheck; load with: source <(trustcheck completion bash)
_trustcheck() {
  local cur cmdpath word i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  cmdpath=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    [[ "$word" == -* ]] && continue
    case "$cmdpath" in
${all
  .filter((c) => c.subcommands.length > 0)
  .map(
    (c) =>
      `      "${c.path}") [[ " ${c.subcommands.join(' ')} " == *" $word "* ]] && cmdpath="\${cmdpath:+$cmdpath }$word" ;;`,
  )
  .join('\n')}
    esac
  done
  local words=""
  case "$cmdpath" in
${cases}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  if [[ \${#COMPREPLY[@]} -eq 0 && "$cur" != -* ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o default -F _trustcheck trustcheck
`;
}

export function zshScript(all: CommandWords[]): string {
  const step = all
    .filter((c) => c.subcommands.length > 0)
    .map(
      (c) =>
        `      "${c.path}") [[ " ${c.subcommands.join(' ')} " == *" $w "* ]] && cmdpath="\${cmdpath:+$cmdpath }$w" ;;`,
    )
    .join('\n');
  const cases = all
    .map((c) => `    "${c.path}") candidates=(${[...c.subcommands, ...c.options].join(' ')}) ;;`)
    .join('\n');
  return `#compdef trustcheck
# zsh completion for trustcheck; load with: source <(trustcheck completion zsh)
# (after compinit), or save it as _trustcheck in a folder of your $fpath.
_trustcheck() {
  local cmdpath="" w
  local -i i
  local -a candidates
  for ((i = 2; i < CURRENT; i++)); do
    w="\${words[i]}"
    [[ "$w" == -* ]] && continue
    case "$cmdpath" in
${step}
    esac
  done
  case "$cmdpath" in
${cases}
  esac
  compadd -- $candidates
  _files
}
compdef _trustcheck trustcheck
`;
}

/** `command` is this command: its parent is the whole program, read for its words. */
export function completionCommand(
  ctx: Context,
  shell: 'bash' | 'zsh',
  _options: unknown,
  command: Command,
): number {
  const all = words(command.parent ?? command);
  ctx.stdout.write(shell === 'bash' ? bashScript(all) : zshScript(all));
  return ExitCode.ok;
}
