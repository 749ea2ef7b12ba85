// Which questionnaires an audit includes: the one rule for scripted and interactive audits.
// With -q REFs: those, each checked against the version the answers pin (another major, or a
// version whose meanings differ, is an error; another that means the same, a warning).
// Without: the questionnaires the answer file answers, at their pinned versions (or one of the
// same major that means the same, with a warning).
import { didYouMean, type Issue, type LocatedIssue } from '../core/issues.js';
import type { AnswerFile } from '../core/model.js';
import { meaningChangesIn } from '../core/meanings.js';
import { chooseVersion, compareVersions } from '../core/semver.js';
import { shellQuote } from '../core/text/shell.js';
import { locate } from '../io/document.js';
import { sortIssues, type Loaded } from './load.js';
import {
  builtinMeanings,
  builtinVersions,
  resolvePinned,
  resolveRef,
  type LoadedQuestionnaire,
} from './registry.js';

/** "1.1.0", "1.1.0 and 2.0.0". */
const joinVersions = (versions: readonly string[]): string =>
  versions.length <= 1
    ? versions.join('')
    : `${versions.slice(0, -1).join(', ')} and ${versions.at(-1)!}`;

export interface Selection {
  selected: LoadedQuestionnaire[];
  issues: LocatedIssue[];
  warnings: LocatedIssue[];
}

export function selectQuestionnaires(
  answers: Loaded<AnswerFile> | undefined,
  refs: readonly string[] | undefined,
): Selection {
  const file = answers?.value;
  const selected: LoadedQuestionnaire[] = [];
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const located = (list: Issue[]) =>
    answers === undefined
      ? list.map((i) => ({ file: '', message: i.message }))
      : sortIssues(list.map((i) => locate(answers.parsed, i)));

  if (refs !== undefined && refs.length > 0) {
    for (const ref of refs) {
      const resolved = resolveRef(ref);
      // a REF that names nothing stops the selection: its own message says it all
      if (!resolved.ok) return { selected: [], issues: resolved.issues, warnings: [] };
      const loaded = resolved.value;
      const pinned = file?.questionnaires[loaded.value.id]?.version;
      // the answers' version read against the one given: the same (build metadata aside), another
      // that means the same (a warning), or one that does not: another major, or one whose
      // meanings record says a statement changed its meaning in between (an error)
      const choice = chooseVersion(pinned, [loaded.value.version], {
        fallback: 'same-major',
        meaningChanges: (low, high) =>
          loaded.builtin ? meaningChangesIn(builtinMeanings(loaded.value.id))(low, high) : [],
      });
      if (pinned !== undefined && choice.kind !== 'same') {
        const path = ['questionnaires', loaded.value.id, 'version'];
        const { id, version } = loaded.value;
        // the newest built-in is what `trustcheck upgrade` moves answers to
        const upgradable =
          loaded.builtin &&
          compareVersions(version, pinned) > 0 &&
          builtinVersions().get(id)?.[0] === version;
        const move = upgradable
          ? `; move the answers to ${version} with \`trustcheck upgrade ${answers === undefined ? 'FILE' : shellQuote(answers.parsed.file)}\`, or give -q ${id}@${pinned}`
          : loaded.builtin
            ? `; give -q ${id}@${pinned}, or answer it again`
            : '; answer it again';
        if (choice.kind === 'none') {
          issues.push({
            path,
            message: `these answers were given against ${id} ${pinned}, but ${ref} is version ${version} (another major version)${move}`,
          });
        } else if (choice.kind === 'meaning-changed') {
          issues.push({
            path,
            message: `these answers were given against ${id} ${pinned}, but ${ref} is version ${version}, and ${joinVersions(choice.changedIn)} changed what statements mean${move}`,
          });
        } else {
          warnings.push({
            path,
            message: `answers given against ${id} ${pinned} are read against ${version}, which gives every statement the same meaning`,
          });
        }
      }
      selected.push(loaded);
    }
    const selectedIds = new Set(selected.map((q) => q.value.id));
    for (const id of Object.keys(file?.questionnaires ?? {})) {
      if (!selectedIds.has(id)) {
        warnings.push({
          path: ['questionnaires', id],
          at: 'key',
          message: `answers to "${id}" are ignored: it is not among the questionnaires given with -q${didYouMean(id, selectedIds).replace(/; expected one of.*$/, '')}`,
        });
      }
    }
    return { selected, issues: located(issues), warnings: located(warnings) };
  }

  for (const [id, entry] of Object.entries(file?.questionnaires ?? {})) {
    const resolved = resolvePinned(id, entry.version);
    if ('error' in resolved) {
      issues.push({
        path: resolved.field === 'id' ? ['questionnaires', id] : ['questionnaires', id, 'version'],
        at: resolved.field === 'id' ? 'key' : 'value',
        message: resolved.error,
      });
      continue;
    }
    if (resolved.warning !== undefined) {
      warnings.push({ path: ['questionnaires', id, 'version'], message: resolved.warning });
    }
    selected.push(resolved.loaded);
  }
  if (selected.length === 0 && issues.length === 0) {
    issues.push({
      path: ['questionnaires'],
      message:
        'the answer file answers no questionnaire; add one under "questionnaires" (see `trustcheck init`)',
    });
  }
  return { selected, issues: located(issues), warnings: located(warnings) };
}
