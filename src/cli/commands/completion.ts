// `trustcheck completion bash|zsh|fish`: completion scripts generated from the program's own
// commands, options and arguments, so they never drift from what the CLI accepts. Values are
// completed where the CLI takes them: the choices of an option or argument, files where a file
// is expected, questionnaire ids and .yaml files for a questionnaire REF; never an option where a
// value is expected.
import type { Argument, CommandUnknownOpts as Command, Option } from '@commander-js/extra-typings';
import type { Context } from '../context.js';
import type { CompletionOptions } from '../declarations.js';
import { ExitCode } from '../../errors.js';
import { builtinVersions, resolveRef } from '../../app/registry.js';
import { localize } from '../../core/questionnaire.js';

/** What a value (of an option or an argument) is. */
export type ValueKind =
  | { kind: 'choices'; values: string[] }
  | { kind: 'files' }
  | { kind: 'dirs' }
  | { kind: 'refs' }
  | { kind: 'text' };

export interface OptionSpec {
  names: string[];
  description: string;
  /** none: a flag; required: `<value>`; optional: `[value]` */
  takes: 'none' | 'required' | 'optional';
  variadic: boolean;
  /** the value's name in the help (`<file>`: file) */
  placeholder: string;
  value: ValueKind;
}

export interface ArgumentSpec {
  name: string;
  description: string;
  variadic: boolean;
  value: ValueKind;
}

export interface CommandSpec {
  path: string[];
  description: string;
  subcommands: { name: string; description: string }[];
  options: OptionSpec[];
  args: ArgumentSpec[];
}

/** A questionnaire a REF can name: a built-in id or id@version, with its title. */
export interface RefCandidate {
  ref: string;
  description: string;
}

const FILE_NAMES = new Set(['file', 'files', 'baseline', 'current', 'report', 'reports']);
const DIR_NAMES = new Set(['dir']);
const REF_NAMES = new Set(['ref', 'refs']);

function kindOf(name: string, choices: readonly string[] | undefined): ValueKind {
  if (choices !== undefined && choices.length > 0) return { kind: 'choices', values: [...choices] };
  if (FILE_NAMES.has(name)) return { kind: 'files' };
  if (DIR_NAMES.has(name)) return { kind: 'dirs' };
  if (REF_NAMES.has(name)) return { kind: 'refs' };
  return { kind: 'text' };
}

function optionSpec(option: Option): OptionSpec {
  const placeholder = /[<[]([a-z-]+)(?:\.\.\.)?[>\]]/.exec(option.flags)?.[1] ?? '';
  return {
    names: [option.short, option.long].filter((x): x is string => x !== undefined),
    description: option.description,
    takes: option.required ? 'required' : option.optional ? 'optional' : 'none',
    variadic: option.variadic,
    placeholder,
    value: kindOf(placeholder, option.argChoices),
  };
}

function argumentSpec(argument: Argument): ArgumentSpec {
  return {
    name: argument.name(),
    description: argument.description,
    variadic: argument.variadic,
    value: kindOf(argument.name(), argument.argChoices),
  };
}

const hidden = (c: Command): boolean => (c as unknown as { _hidden?: boolean })._hidden === true;

/** Every command of `program`, depth first, the program itself first (path []). */
export function commandSpecs(program: Command): CommandSpec[] {
  const out: CommandSpec[] = [];
  // a hidden option (such as -V, kept beside -v for the version) is accepted, not offered
  const shown = (command: Command) => command.options.filter((o) => !o.hidden).map(optionSpec);
  // the program's options (--no-color, --quiet, …) are taken after any command too; --version
  // is offered where it is of use, before a command
  const global = shown(program).filter((o) => !o.names.includes('--version'));
  const visit = (command: Command, path: string[]): void => {
    const visible = command.commands.filter((c) => !hidden(c));
    const own = shown(command);
    const taken = new Set(own.flatMap((o) => o.names));
    const inherited = path.length === 0 ? [] : global;
    const options = [...own, ...inherited.filter((o) => !o.names.some((n) => taken.has(n)))];
    if (!options.some((o) => o.names.includes('--help'))) {
      options.push({
        names: ['-h', '--help'],
        description: 'show help',
        takes: 'none',
        variadic: false,
        placeholder: '',
        value: { kind: 'text' },
      });
    }
    out.push({
      path,
      description: command.summary() || command.description(),
      subcommands: visible.map((c) => ({
        name: c.name(),
        description: c.summary() || c.description(),
      })),
      options,
      args: command.registeredArguments.map(argumentSpec),
    });
    for (const sub of visible) visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
  return out;
}

/** The built-in questionnaires as REFs: each id (the newest) and each id@version. */
export function builtinRefs(): RefCandidate[] {
  const out: RefCandidate[] = [];
  for (const [id, versions] of builtinVersions()) {
    const newest = resolveRef(id);
    const title = newest.ok
      ? (localize(newest.value.value.title, 'en', newest.value.value.languages[0]) ?? id)
      : id;
    out.push({ ref: id, description: `${title} (${versions[0]})` });
    for (const version of versions) out.push({ ref: `${id}@${version}`, description: title });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// bash

const shellWords = (words: readonly string[]): string => words.join(' ');

function bashValue(value: ValueKind): string {
  switch (value.kind) {
    case 'choices':
      return `_trustcheck_words "${shellWords(value.values)}"`;
    case 'files':
      return '_trustcheck_files';
    case 'dirs':
      return '_trustcheck_dirs';
    case 'refs':
      return '_trustcheck_refs';
    case 'text':
      return ':';
  }
}

export function bashScript(specs: readonly CommandSpec[], refs: readonly RefCandidate[]): string {
  const key = (c: CommandSpec) => c.path.join(' ');
  const step = specs
    .filter((c) => c.subcommands.length > 0)
    .map(
      (c) =>
        `      "${key(c)}") [[ " ${shellWords(c.subcommands.map((s) => s.name))} " == *" $w "* ]] && { cmdpath="\${cmdpath:+$cmdpath }$w"; cmdidx=$i; } ;;`,
    )
    .join('\n');
  const tables = specs
    .map((c) => {
      const valued = c.options.filter((o) => o.takes !== 'none').flatMap((o) => o.names);
      const variadic = c.options.filter((o) => o.variadic).flatMap((o) => o.names);
      return [
        `    "${key(c)}")`,
        `      subs="${shellWords(c.subcommands.map((s) => s.name))}"`,
        `      opts="${shellWords(c.options.flatMap((o) => o.names))}"`,
        `      valued="${shellWords(valued)}"`,
        `      variadic="${shellWords(variadic)}" ;;`,
      ].join('\n');
    })
    .join('\n');
  const values = specs
    .flatMap((c) =>
      c.options
        .filter((o) => o.takes !== 'none')
        .map(
          (o) =>
            `    ${o.names.map((n) => `"${key(c)} ${n}"`).join('|')}) ${bashValue(o.value)} ;;`,
        ),
    )
    .join('\n');
  const positionals = specs
    .filter((c) => c.subcommands.length === 0)
    .map((c) => {
      const arg = c.args[0];
      // a command without arguments: its options are what comes next
      const action = arg === undefined ? '_trustcheck_words "$opts"' : bashValue(arg.value);
      return `    "${key(c)}") ${action} ;;`;
    })
    .join('\n');
  const ids = refs.filter((r) => !r.ref.includes('@')).map((r) => r.ref);
  const versions = refs.filter((r) => r.ref.includes('@')).map((r) => r.ref);
  return `# bash completion for trustcheck; load with: source <(trustcheck completion bash)
# or save it as trustcheck in ~/.local/share/bash-completion/completions/
#
# bash breaks a word at @, : and = (COMP_WORDBREAKS): \`-q trustability@1.1.1\` reaches the
# completion as the words \`trustability\`, \`@\` and \`1.1.1\`, and \`--format=json\` as
# \`--format\`, \`=\` and \`json\`. The words are joined again here, and each candidate is given to
# readline without the part of the word it keeps (it replaces only the end: from the @, after
# the = or :).

# the words up to the cursor as they were typed: sets words, cword, and keep (what readline keeps
# of the current word; $1 is the part it replaces)
_trustcheck_line() {
  local line="\${COMP_LINE:0:COMP_POINT}" rest part
  local -i i n
  words=()
  for ((i = 0; i <= COMP_CWORD; i++)); do
    part="\${COMP_WORDS[i]}"
    rest="\${line#"\${line%%[![:space:]]*}"}"
    # the current word: what is typed of it, up to the cursor
    ((i == COMP_CWORD)) && part="$rest"
    n=\${#words[@]}
    if ((n > 0 && \${#rest} == \${#line})) && [[ "$part" == [@:=]* || "\${words[n - 1]}" == *[@:=] ]]; then
      words[n - 1]+="$part"
    else
      words+=("$part")
    fi
    line="\${rest:\${#part}}"
  done
  cword=$((\${#words[@]} - 1))
  keep=""
  [[ "\${words[cword]}" == *"$1" ]] && keep="\${words[cword]%"$1"}"
}
# adds a candidate for the value being completed, as readline takes it
_trustcheck_add() {
  local full="$head$1"
  COMPREPLY+=("\${full#"$keep"}")
}
# adds each line read (not split at blanks, nor expanded as a pattern)
_trustcheck_lines() {
  local line
  while IFS= read -r line; do [[ -n $line ]] && _trustcheck_add "$line"; done
}
_trustcheck_words() {
  _trustcheck_lines < <(compgen -W "$1" -- "$cur")
}
_trustcheck_files() {
  compopt -o filenames 2>/dev/null
  _trustcheck_lines < <(compgen -f -- "$cur")
}
_trustcheck_dirs() {
  compopt -o filenames 2>/dev/null
  _trustcheck_lines < <(compgen -d -- "$cur")
}
# a questionnaire: a built-in id, id@version (once an @ is typed), or a .yaml/.yml file or folder
_trustcheck_refs() {
  local f
  if [[ "$cur" == *@* ]]; then
    _trustcheck_words "${shellWords(versions)}"
  else
    _trustcheck_words "${shellWords(ids)}"
  fi
  while IFS= read -r f; do
    if [[ -n $f && ( -d $f || $f == *.yaml || $f == *.yml ) ]]; then
      compopt -o filenames 2>/dev/null
      _trustcheck_add "$f"
    fi
  done < <(compgen -f -- "$cur")
}
_trustcheck() {
  local -a words
  local cur prev head="" keep cmdpath="" w subs opts valued variadic valueof=""
  local -i i cword cmdidx=0
  COMPREPLY=()
  _trustcheck_line "\${2-\${COMP_WORDS[COMP_CWORD]}}"
  cur="\${words[cword]}"
  prev="\${words[cword - 1]}"
  # the command path: the words that name a subcommand of the path so far
  for ((i = 1; i < cword; i++)); do
    w="\${words[i]}"
    [[ "$w" == -* ]] && continue
    case "$cmdpath" in
${step}
    esac
  done
  case "$cmdpath" in
${tables}
  esac
  if [[ "$cur" == --*=* ]]; then
    # --option=value: a value of that option
    head="\${cur%%=*}="
    [[ " $valued " == *" \${cur%%=*} "* ]] && valueof="\${cur%%=*}"
    cur="\${cur#*=}"
    [[ -n "$valueof" ]] || return 0
  elif [[ "$cur" != -* ]]; then
    # the option whose value this is: the previous word, or a variadic option before it
    if [[ " $valued " == *" $prev "* ]]; then
      valueof="$prev"
    else
      for ((i = cword - 1; i > cmdidx; i--)); do
        w="\${words[i]}"
        if [[ "$w" == -* ]]; then
          [[ " $variadic " == *" $w "* ]] && valueof="$w"
          break
        fi
      done
    fi
  fi
  if [[ -n "$valueof" ]]; then
    case "$cmdpath $valueof" in
${values}
    esac
    return 0
  fi
  if [[ "$cur" == -* ]]; then
    _trustcheck_words "$opts"
    return 0
  fi
  if [[ -n "$subs" ]]; then
    _trustcheck_words "$subs"
    return 0
  fi
  case "$cmdpath" in
${positionals}
  esac
  return 0
}
complete -F _trustcheck trustcheck
`;
}

// ---------------------------------------------------------------------------------------------
// zsh

/** Text inside a single-quoted zsh word, as an _arguments description. */
const zq = (s: string): string =>
  s
    .replace(/'/g, `'\\''`)
    .replace(/([[\]:])/g, '\\$1')
    .replace(/\s+/g, ' ');
const fnName = (path: readonly string[]): string =>
  ['_trustcheck', ...path].join('_').replace(/-/g, '_');

function zshAction(value: ValueKind, what: string): string {
  switch (value.kind) {
    case 'choices':
      return `${zq(what)}:(${value.values.join(' ')})`;
    case 'files':
      return `${zq(what)}:_files`;
    case 'dirs':
      return `${zq(what)}:_directories`;
    case 'refs':
      return `${zq(what)}:_trustcheck_refs`;
    case 'text':
      return `${zq(what)}: `;
  }
}

function zshOption(o: OptionSpec): string {
  const description = `[${zq(o.description)}]`;
  // an option's value in the same word too, as commander takes it: -fjson, --format=json
  const spelled =
    o.takes === 'none' ? o.names : o.names.map((n) => (n.startsWith('--') ? `${n}=` : `${n}+`));
  const names = spelled.length === 1 ? spelled[0]! : `{${spelled.join(',')}}`;
  const what = o.placeholder;
  let value = '';
  if (o.takes === 'required') {
    value = o.variadic ? `:*-*:${zshAction(o.value, what)}` : `:${zshAction(o.value, what)}`;
  } else if (o.takes === 'optional') {
    value = `::${zshAction(o.value, what)}`;
  }
  if (o.names.includes('--help') || o.names.includes('--version')) {
    return `'(- : *)'${names}'${description}'`;
  }
  const exclusive = o.variadic ? `'*'` : `'(${o.names.join(' ')})'`;
  return `${exclusive}${names}'${description}${value}'`;
}

function zshFunction(c: CommandSpec): string {
  const options = c.options.map(zshOption);
  const lines: string[] = [];
  if (c.subcommands.length > 0) {
    const described = c.subcommands
      .map((s) => `    '${s.name.replace(/:/g, '\\:')}:${s.description.replace(/'/g, `'\\''`)}'`)
      .join('\n');
    const cases = c.subcommands
      .map((s) => `        ${s.name}) ${fnName([...c.path, s.name])} && ret=0 ;;`)
      .join('\n');
    lines.push(
      `${fnName(c.path)}() {`,
      '  local curcontext="$curcontext" state state_descr line',
      '  local -i ret=1',
      '  typeset -A opt_args',
      `  _arguments -C -s \\`,
      ...options.map((o) => `    ${o} \\`),
      `    '1:command:->command' \\`,
      `    '*::argument:->argument' && ret=0`,
      '  case $state in',
      '    command)',
      '      local -a commands',
      '      commands=(',
      described,
      '      )',
      `      _describe -t commands '${['trustcheck', ...c.path].join(' ')} command' commands && ret=0 ;;`,
      '    argument)',
      `      curcontext="\${curcontext%:*:*}:trustcheck-$words[1]:"`,
      '      case $words[1] in',
      cases,
      '      esac ;;',
      '  esac',
      '  return ret',
      '}',
    );
    return lines.join('\n');
  }
  const args = c.args.map((a, i) => {
    const position = a.variadic ? '*' : String(i + 1);
    return `'${position}:${zshAction(a.value, a.description || a.name)}'`;
  });
  return [
    `${fnName(c.path)}() {`,
    `  _arguments -s -S \\`,
    ...[...options, ...args].map((o, i, all) => `    ${o}${i < all.length - 1 ? ' \\' : ''}`),
    '}',
  ].join('\n');
}

export function zshScript(specs: readonly CommandSpec[], refs: readonly RefCandidate[]): string {
  const ids = refs.map((r) => `    '${r.ref}:${r.description.replace(/'/g, `'\\''`)}'`).join('\n');
  return `#compdef trustcheck
# zsh completion for trustcheck: save it as _trustcheck in a folder of your $fpath (before
# compinit runs), or load it with: source <(trustcheck completion zsh) (after compinit).

_trustcheck_refs() {
  local -a ids
  ids=(
${ids}
  )
  # the ids' action starts with a space, so _alternative calls it as it is: otherwise it passes
  # its own label options (-J, -X) on, which _describe does not take ("bad option: -d")
  _alternative \\
    'ids:built-in questionnaire: _describe -t ids "built-in questionnaire" ids' \\
    'files:questionnaire file:_files -g "*.(yaml|yml)(-.)"'
}

${specs.map(zshFunction).join('\n\n')}

# autoloaded from $fpath, this file is the body of _trustcheck: define the functions above,
# then complete; sourced, it registers the completion
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _trustcheck "$@"
else
  compdef _trustcheck trustcheck
fi
`;
}

// ---------------------------------------------------------------------------------------------
// fish

const fq = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** An option's value: exclusive (-x) except for files, which fish completes itself (-r -F). */
function fishValue(value: ValueKind): string {
  return value.kind === 'files' ? '-r -F' : `-x ${fishArgument(value)}`.trimEnd();
}

function fishArgument(value: ValueKind): string {
  switch (value.kind) {
    case 'choices':
      // each value with an empty description (`md\t`): else fish gives each one the option's
      return `-a ${fq(value.values.map((v) => `${v}\\t`).join(' '))}`;
    case 'files':
      return '-F';
    case 'dirs':
      return `-a '(__fish_complete_directories)'`;
    case 'refs':
      return `-a '(__trustcheck_refs)'`;
    case 'text':
      return '';
  }
}

/** The fish function that lists what a REF can be: the built-ins with their titles, and files. */
function fishRefs(refs: readonly RefCandidate[]): string[] {
  return [
    '# a questionnaire: a built-in id or id@version with its title, or a .yaml or .yml file or a',
    "# folder (fish's own path completion of the value typed, filtered)",
    'function __trustcheck_refs',
    "    printf '%s\\t%s\\n' \\",
    ...refs.map(
      (r, i) => `        ${fq(r.ref)} ${fq(r.description)}${i < refs.length - 1 ? ' \\' : ''}`,
    ),
    "    set -l token (commandline -ct | string replace -r -- '^--[^=]*=' '')",
    '    set -l paths (complete -C"__trustcheck_path $token" |',
    "        string match -r -- '^[^\\t]*(?:\\.ya?ml|/)(?=\\t|$)')",
    "    set -q paths[1]; and printf '%s\\t\\n' $paths",
    'end',
  ];
}

export function fishScript(specs: readonly CommandSpec[], refs: readonly RefCandidate[]): string {
  const lines = [
    '# fish completion for trustcheck; save it as ~/.config/fish/completions/trustcheck.fish',
    '# or load it with: trustcheck completion fish | source',
    'complete -c trustcheck -f',
    '# true when the last option before the cursor is one of the arguments (a variadic option,',
    '# which takes every value up to the next option)',
    'function __trustcheck_variadic',
    '    set -l tokens (commandline -opc)',
    '    for i in (seq (count $tokens) -1 2)',
    "        if string match -q -- '-*' $tokens[$i]",
    '            contains -- $tokens[$i] $argv',
    '            return',
    '        end',
    '    end',
    '    return 1',
    'end',
    ...fishRefs(refs),
  ];
  const condition = (c: CommandSpec): string => {
    if (c.path.length === 0) return '__fish_use_subcommand';
    const seen = c.path.map((p) => `__fish_seen_subcommand_from ${p}`).join('; and ');
    const subs = c.subcommands.map((s) => s.name);
    return subs.length > 0
      ? `${seen}; and not __fish_seen_subcommand_from ${subs.join(' ')}`
      : seen;
  };
  // options belong to a command once it is on the line, subcommands only until one is
  const optionCondition = (c: CommandSpec): string =>
    c.path.length === 0
      ? '__fish_use_subcommand'
      : c.path.map((p) => `__fish_seen_subcommand_from ${p}`).join('; and ');
  for (const c of specs) {
    for (const s of c.subcommands) {
      lines.push(
        `complete -c trustcheck -n ${fq(condition(c))} -a ${fq(s.name)} -d ${fq(s.description)}`,
      );
    }
    for (const o of c.options) {
      const names = o.names
        .map((n) => (n.startsWith('--') ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`))
        .join(' ');
      const value = o.takes === 'none' ? '' : ` ${fishValue(o.value)}`;
      lines.push(
        `complete -c trustcheck -n ${fq(optionCondition(c))} ${names}${value} -d ${fq(o.description)}`,
      );
      if (o.variadic) {
        const more = `${optionCondition(c)}; and __trustcheck_variadic ${o.names.join(' ')}`;
        lines.push(`complete -c trustcheck -n ${fq(more)} ${fishArgument(o.value)}`);
      }
    }
    const arg = c.args[0];
    if (c.subcommands.length === 0 && arg !== undefined && arg.value.kind !== 'text') {
      lines.push(`complete -c trustcheck -n ${fq(condition(c))} ${fishArgument(arg.value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `command` is this command: its parent is the whole program, read for its words. */
export function completionCommand(
  ctx: Context,
  shell: 'bash' | 'zsh' | 'fish',
  _options: CompletionOptions,
  command: Command,
): number {
  const specs = commandSpecs(command.parent ?? command);
  const refs = builtinRefs();
  const script =
    shell === 'bash'
      ? bashScript(specs, refs)
      : shell === 'zsh'
        ? zshScript(specs, refs)
        : fishScript(specs, refs);
  ctx.stdout.write(script);
  return ExitCode.ok;
}
