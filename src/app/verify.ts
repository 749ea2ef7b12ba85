// The application's half of `trustcheck verify`: which questionnaire each of a report's
// questionnaires is (its digest among every shipped version and the files given with -q), and
// what an answer file gives when it is audited as the report says it was (at the report's date,
// in its language, against those questionnaires). The checks themselves are the core's
// (core/verify.ts); this reads the registry and the files.
import { auditReport } from '../core/audit-report.js';
import { formatIssue, type LocatedIssue, type Path, type Result } from '../core/issues.js';
import type { AnswerFile, Report } from '../core/model.js';
import { chooseVersion } from '../core/semver.js';
import {
  namedQuestionnaire,
  otherDifference,
  reproductionFindings,
  type Finding,
} from '../core/verify.js';
import { combineTeam, sameName, type TeamMember } from '../core/team.js';
import { labelsFor, verifyWordsFor } from '../core/words.js';
import { locate } from '../io/document.js';
import { sortIssues, type Loaded } from './load.js';
import { builtinVersions, resolveRef, type LoadedQuestionnaire } from './registry.js';

/** A questionnaire of the report, found: the file it was audited against, and where that is. */
export interface Identified {
  loaded: LoadedQuestionnaire;
  /** A shipped version, or a file given with -q. */
  source: 'shipped' | 'given';
}

export interface Identification {
  /** For each questionnaire of the report, in its order. */
  questionnaires: Identified[];
  findings: Finding[];
  /** Why a questionnaire cannot be checked at all (then verify cannot check the report). */
  cannot: string[];
  /** -q files that are none of the report's questionnaires. */
  unused: string[];
}

/**
 * Which questionnaire each of the report's is. By digest first: a shipped version, or a file
 * given with -q (`given`, each with the REF it was given as). A digest no file has is a finding
 * when the report names a version that is here (shipped, or given with the same id): its file is
 * then the one read against. Else it cannot be checked: a built-in version this trustcheck does
 * not ship, or a custom questionnaire not given.
 */
export function identifyQuestionnaires(
  report: Report,
  given: readonly { ref: string; loaded: LoadedQuestionnaire }[],
  language: string,
): Identification {
  const w = verifyWordsFor(language);
  const byDigest = new Map<string, Identified>();
  const shipped = builtinVersions();
  for (const [id, versions] of shipped) {
    for (const version of versions) {
      const resolved = resolveRef(`${id}@${version}`);
      if (resolved.ok)
        byDigest.set(resolved.value.digest, { loaded: resolved.value, source: 'shipped' });
    }
  }
  for (const { loaded } of given) {
    if (!byDigest.has(loaded.digest)) byDigest.set(loaded.digest, { loaded, source: 'given' });
  }
  const out: Identification = { questionnaires: [], findings: [], cannot: [], unused: [] };
  const used = new Set<string>();
  report.questionnaires.forEach((rq, qi) => {
    const named = namedQuestionnaire(rq);
    const digestAt: Path = ['questionnaires', qi, 'digest'];
    const hit = byDigest.get(rq.digest);
    if (hit !== undefined) {
      const q = hit.loaded.value;
      if (q.id !== rq.id || q.version !== rq.version) {
        out.findings.push({
          check: 'questionnaire',
          path: digestAt,
          at: 'key',
          message: w.digestOf(named, namedQuestionnaire(q)),
        });
      }
      used.add(hit.loaded.digest);
      out.questionnaires.push(hit);
      return;
    }
    // the version the report names, from a file given with -q, else shipped
    const sameVersion = (version: string) =>
      chooseVersion(rq.version, [version], { fallback: 'none' }).kind === 'same';
    const file = given.find(
      (g) => g.loaded.value.id === rq.id && sameVersion(g.loaded.value.version),
    );
    const versions = shipped.get(rq.id);
    const version = versions?.find(sameVersion);
    if (file !== undefined) {
      used.add(file.loaded.digest);
      out.findings.push({
        check: 'questionnaire',
        path: digestAt,
        at: 'key',
        message: w.digestChanged(named, file.ref),
      });
      out.questionnaires.push({ loaded: file.loaded, source: 'given' });
    } else if (version !== undefined) {
      const resolved = resolveRef(`${rq.id}@${version}`);
      if (!resolved.ok) {
        out.cannot.push(resolved.issues.map(formatIssue).join('\n'));
        return;
      }
      out.findings.push({
        check: 'questionnaire',
        path: digestAt,
        at: 'key',
        message: w.digestChanged(named, w.shipped),
      });
      out.questionnaires.push({ loaded: resolved.value, source: 'shipped' });
    } else if (versions !== undefined) {
      const list = versions.map((v) => `${rq.id} ${v}`).join(', ');
      out.cannot.push(
        `cannot check ${named}: this trustcheck ships ${list}; use the trustcheck release that made the report, or give the questionnaire's file with -q FILE`,
      );
    } else {
      out.cannot.push(
        `cannot check ${named}: its digest is not that of any questionnaire shipped with this trustcheck; give the questionnaire's file with -q FILE`,
      );
    }
  });
  out.unused = given.filter((g) => !used.has(g.loaded.digest)).map((g) => g.ref);
  return out;
}

/**
 * The report against what `answers` gives when audited as the report says: the questionnaires
 * it names (as identified), at its date, in its language, with unanswered statements counted as
 * not true (as `--allow-incomplete` does). Answers that do not fit those questionnaires (an
 * unknown statement id, say) cannot be audited: they are issues of the answer file, not findings.
 */
export function reproduce(
  report: Report,
  identified: readonly Identified[],
  answers: Loaded<AnswerFile>,
  language: string,
): Result<Finding[]> {
  const w = verifyWordsFor(language);
  const file = answers.value;
  const findings: Finding[] = [];
  /** What an audit of these answers would warn about: said, not findings. */
  const notes: LocatedIssue[] = [];
  const answersAt = (path: Path): string => {
    const at = locate(answers.parsed, { path, message: '' });
    return at.line === undefined ? at.file : `${at.file}:${at.line}:${at.col ?? 1}`;
  };
  const skip = new Set<string>();
  const inReport = new Set(report.questionnaires.map((q) => q.id));
  report.questionnaires.forEach((rq, qi) => {
    const entry = Object.hasOwn(file.questionnaires, rq.id)
      ? file.questionnaires[rq.id]
      : undefined;
    if (entry === undefined) {
      skip.add(rq.id);
      findings.push({
        check: 'answers',
        path: ['questionnaires', qi, 'id'],
        at: 'key',
        message: `${w.unanswered(namedQuestionnaire(rq))} (${answersAt(['questionnaires'])})`,
      });
      return;
    }
    // read against the report's version, as `audit -q id@version` does: another major is
    // refused by an audit (a finding), another version of the same major is read (a note)
    const pinned = entry.version;
    if (pinned === undefined) return;
    const choice = chooseVersion(pinned, [rq.version], { fallback: 'same-major' });
    const pinAt = ['questionnaires', rq.id, 'version'];
    if (choice.kind === 'none') {
      findings.push({
        check: 'answers',
        path: ['questionnaires', qi, 'version'],
        at: 'key',
        message: `${w.pinned(rq.id, pinned, rq.version)} (${answersAt(pinAt)})`,
      });
    } else if (choice.kind !== 'same') {
      notes.push(
        locate(answers.parsed, {
          path: pinAt,
          message: `the answers were given against ${rq.id} ${pinned}, and are read against ${rq.version}, the report's version (as \`trustcheck audit -q ${rq.id}@${rq.version}\` reads them)`,
        }),
      );
    }
  });
  for (const id of Object.keys(file.questionnaires)) {
    if (inReport.has(id)) continue;
    notes.push(
      locate(answers.parsed, {
        path: ['questionnaires', id],
        at: 'key',
        message: `the answers also answer ${id}, which the report does not hold (an audit with -q leaves it out); those answers are not checked`,
      }),
    );
  }
  const audited = auditReport({
    answers: file,
    questionnaires: identified.map((q) => ({
      questionnaire: q.loaded.value,
      digest: q.loaded.digest,
    })),
    allowIncomplete: true,
    language: report.language,
    today: report.date,
    toolVersion: report.tool.version,
  });
  if (!audited.ok) {
    const issues: LocatedIssue[] = sortIssues(audited.issues.map((i) => locate(answers.parsed, i)));
    return { ok: false, issues, warnings: [] };
  }
  const produced: Report = {
    ...audited.report,
    // the digests as the report has them: a changed questionnaire is its own finding
    questionnaires: audited.report.questionnaires.map((q, i) => ({
      ...q,
      digest: report.questionnaires[i]?.digest ?? q.digest,
    })),
  };
  findings.push(...reproductionFindings(report, produced, language, answersAt, skip));
  if (findings.length === 0 && skip.size === 0) {
    const other = otherDifference(report, produced, language);
    if (other !== undefined) findings.push(other);
  }
  return { ok: true, value: findings, warnings: notes };
}

/**
 * A team report against its respondents' answer files, in the order of its respondents: each
 * file audited as the report says (its date, language and questionnaires, unanswered counted as
 * not true), combined as an audit combines them (core/team.ts), and compared: each respondent's
 * name, answer, note, evidence and `until`, and then every other field (the net).
 */
export function reproduceTeam(
  report: Report,
  identified: readonly Identified[],
  files: readonly { file: string; answers: Loaded<AnswerFile> }[],
  language: string,
): Result<Finding[]> {
  const w = verifyWordsFor(language);
  const l = labelsFor(language);
  const respondents = report.respondents ?? [];
  const anonymous = report.anonymous === true;
  const members: TeamMember[] = [];
  const issues: LocatedIssue[] = [];
  for (const [i, f] of files.entries()) {
    const audited = auditReport({
      answers: { ...f.answers.value, date: report.date },
      questionnaires: identified.map((q) => ({
        questionnaire: q.loaded.value,
        digest: q.loaded.digest,
      })),
      allowIncomplete: true,
      subject: report.subject,
      language: report.language,
      today: report.date,
      toolVersion: report.tool.version,
    });
    if (!audited.ok) {
      issues.push(...audited.issues.map((issue) => locate(f.answers.parsed, issue)));
      continue;
    }
    members.push({
      name: f.answers.value.assessor?.trim() ?? respondents[i]?.name ?? '',
      role: f.answers.value.role?.trim() || undefined,
      digest: f.answers.digest,
      report: audited.report,
    });
  }
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues), warnings: [] };
  const combined = combineTeam(members, { subject: report.subject, anonymous });
  const produced: Report = {
    ...combined,
    questionnaires: combined.questionnaires.map((q, i) => ({
      ...q,
      digest: report.questionnaires[i]?.digest ?? q.digest,
    })),
  };
  const findings: Finding[] = [];
  const value = (v: string | null, field: string): string =>
    field === 'answer'
      ? v === null
        ? l.answers.none
        : l.answers[v as 'yes' | 'no' | 'na']
      : v === null
        ? w.nothing
        : JSON.stringify(v);
  if (!anonymous) {
    respondents.forEach((r, i) => {
      const given = members[i]?.name;
      if (given === undefined || sameName(given) === sameName(r.name)) return;
      findings.push({
        check: 'answers',
        path: ['respondents', i, 'name'],
        at: 'key',
        message: w.differs(
          w.owner({ kind: 'report' }),
          w.fieldName.assessor,
          value(r.name, 'assessor'),
          value(given, 'assessor'),
          files[i]!.file,
        ),
      });
    });
  }
  report.questionnaires.forEach((rq, qi) => {
    rq.sections.forEach((rs, si) => {
      rs.statements.forEach((st, sti) => {
        const pst = produced.questionnaires[qi]?.sections[si]?.statements[sti];
        if (pst?.answers === undefined || st.answers === undefined || pst.id !== st.id) return;
        const where = w.owner({
          kind: 'statement',
          questionnaire: rq.id,
          section: rs.id,
          statement: st.id,
        });
        st.answers.forEach((a, i) => {
          const p = pst.answers![i];
          const f = files[i];
          if (p === undefined || f === undefined) return;
          const fields = anonymous
            ? (['answer', 'until'] as const)
            : (['answer', 'note', 'evidence', 'until'] as const);
          for (const field of fields) {
            const found = a[field] ?? null;
            const given = p[field] ?? null;
            if (found === given) continue;
            const at = locate(f.answers.parsed, {
              path: ['questionnaires', rq.id, 'answers', rs.id, st.id],
              at: 'key',
              message: '',
            });
            findings.push({
              check: 'answers',
              path: ['questionnaires', qi, 'sections', si, 'statements', sti, 'answers', i, field],
              at: 'key',
              message: w.differs(
                `${where} (${a.respondent})`,
                w.fieldName[field],
                value(found, field),
                value(given, field),
                at.line === undefined ? at.file : `${at.file}:${at.line}:${at.col ?? 1}`,
              ),
            });
          }
        });
      });
    });
  });
  if (findings.length === 0) {
    const other = otherDifference(report, produced, language);
    if (other !== undefined) findings.push(other);
  }
  return { ok: true, value: findings, warnings: [] };
}
