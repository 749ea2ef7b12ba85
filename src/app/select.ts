// Which questionnaires an audit includes: the one rule for scripted and interactive audits.
// With -q REFs: those, each checked against the version the answers pin (another major is an
// error, another minor a warning). Without: the questionnaires the answer file answers, at
// their pinned versions (or the newest of the same major, with a warning).
import { didYouMean, type Issue, type LocatedIssue } from '../core/issues.js';
import type { AnswerFile } from '../core/model.js';
import { chooseVersion } from '../core/semver.js';
import { locate } from '../io/document.js';
import { sortIssues, type Loaded } from './load.js';
import { resolvePinned, resolveRef, type LoadedQuestionnaire } from './registry.js';

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
      // of the same major (a warning), or another major (an error)
      const choice = chooseVersion(pinned, [loaded.value.version], { fallback: 'same-major' });
      if (pinned !== undefined && choice.kind !== 'same') {
        const path = ['questionnaires', loaded.value.id, 'version'];
        if (choice.kind === 'none') {
          issues.push({
            path,
            message: `these answers were given against ${loaded.value.id} ${pinned}, but ${ref} is version ${loaded.value.version} (another major version); answer it again`,
          });
        } else {
          warnings.push({
            path,
            message: `answers given against ${loaded.value.id} ${pinned} are read against ${loaded.value.version}`,
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
