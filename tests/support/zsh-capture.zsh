#!/usr/bin/env zsh
# Runs zsh's real completion system in a pseudo-terminal (zpty) and prints what TAB offers for
# the words given, one candidate a line as "word -- description"; anything else the completion
# writes to the terminal meanwhile (an error of a completion function) as a line "OUT:text". Usage:
#   zsh -f zsh-capture.zsh FPATH-DIR 'trustcheck schema ' [DUMP-FILE]
# The completion for trustcheck is autoloaded from FPATH-DIR by compinit, as when installed.
# With DUMP-FILE, compinit keeps what it found there (.zcompdump, as in a user's zsh): the first
# run scans every completion function of the system, about a second; later runs read the dump.
# The start-up is read line by line until the shell says it is ready, with blocking reads as
# this script always did (polling here with `zpty -r -t` made zsh fail now and then under load,
# "failed to find end of command substitution"); the completion's output is polled up to a
# deadline. A wait that does not end says what it waited for on stderr, and exits 1.
zmodload zsh/zpty || { print -u2 'zsh/zpty is missing'; exit 2 }
local fdir=$1 input=$2 dump=$3
local compinit_args=(-u -D)
[[ -n $dump ]] && compinit_args=(-u -d $dump)
zpty z zsh -f -i
local line
zpty -w z 'stty columns 250'
zpty -w z "PROMPT=; fpath=(${(q)fdir} \$fpath); cd ${(q)PWD}"
zpty -w z "autoload -U compinit; compinit ${(j: :)${(q)compinit_args}}"
zpty -w z 'bindkey "^I" complete-word'
zpty -w z 'zstyle ":completion:*" list-grouped false; zstyle ":completion:*" insert-tab false'
zpty -w z 'null-line() { echo -E - NULL""-LINE }; compprefuncs=(null-line); comppostfuncs=(null-line exit)'
# capture every candidate instead of inserting it
zpty -w z '
compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  typeset -a __hits __dscr __tmp
  if (( $@[(I)-d] )); then
    __tmp=${@[$[${@[(i)-d]}+1]]}
    if [[ $__tmp == \(* ]]; then eval "__dscr=$__tmp"; else __dscr=( "${(@P)__tmp}" ); fi
  fi
  builtin compadd -A __hits -D __dscr "$@"
  [[ -n $__hits ]] || return
  local i
  for i in {1..$#__hits}; do
    if (( $#__dscr >= $i )); then echo -E - "CAND:$__hits[$i] -- $__dscr[$i]"; else echo -E - "CAND:$__hits[$i]"; fi
  done
}'
zpty -w z 'echo ready'
integer lines=0
until [[ $line == ready* ]]; do
  (( ++lines <= 500 )) || { print -u2 "zsh-capture: the shell did not say ready in 500 lines"; exit 1 }
  zpty -r z line
done
zpty -w -n z "$input"$'\t'
integer tog=0 deadline=$(( SECONDS + 15 ))
for (( ;; )); do
  if ! zpty -r -t z line 2>/dev/null; then
    (( SECONDS < deadline )) || { print -u2 "zsh-capture: no end of the completion of '$input' within 15 s"; exit 1 }
    sleep 0.02
    continue
  fi
  if [[ $line == *NULL-LINE* ]]; then
    (( tog++ )) && break || continue
  fi
  (( tog )) || continue
  line=${${line%%$'\n'*}%%$'\r'*}
  if [[ $line == *CAND:* ]]; then
    print -r -- "${line#*CAND:}"
  elif [[ -n ${line//[[:space:]]/} ]]; then
    # anything else the completion printed (an error message): shown, for the test to fail on
    print -r -- "OUT:$line"
  fi
done
zpty -d z
