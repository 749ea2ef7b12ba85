// Checks a questionnaire beyond what its schema can say, and reads its localized texts.
import type { Issue, Path } from './issues.js';
import type { LocalizedText, Questionnaire } from './model.js';

/**
 * Names an object has without being given them (`constructor`, `toString`, `__proto__`, …), and
 * `prototype`: refused as ids, so that no id can ever be mistaken for one of them.
 */
const OBJECT_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

function reservedId(id: string, what: string, path: Path): Issue | undefined {
  if (!OBJECT_NAMES.has(id)) return undefined;
  return {
    path,
    message: `${what} id "${id}" is a name every JavaScript object already has, so it cannot be told apart from one; choose another id (such as "${id}-check")`,
  };
}

/**
 * Problems the schema cannot see: ids named like Object prototype members, duplicate ids and
 * texts missing in a declared language.
 */
export function checkQuestionnaire(q: Questionnaire): Issue[] {
  const issues: Issue[] = [];
  const reserved = (id: string, what: string, path: Path): void => {
    const issue = reservedId(id, what, path);
    if (issue !== undefined) issues.push(issue);
  };
  reserved(q.id, 'the questionnaire', ['id']);
  const languages = q.languages;
  const seenLanguages = new Set<string>();
  q.languages.forEach((language, i) => {
    if (seenLanguages.has(language)) {
      issues.push({
        path: ['languages', i],
        message: `language "${language}" is listed twice; list it once`,
      });
    }
    seenLanguages.add(language);
  });

  const checkText = (text: LocalizedText | undefined, path: Path): void => {
    if (text === undefined || typeof text === 'string') return;
    for (const language of languages) {
      if (text[language] === undefined) {
        issues.push({
          path,
          message: `the text has no "${language}" translation; add \`${language}: …\`, or give one plain text for every language`,
        });
      }
    }
    for (const language of Object.keys(text)) {
      if (!seenLanguages.has(language)) {
        issues.push({
          path: [...path, language],
          at: 'key',
          message: `"${language}" is not one of the questionnaire's languages (${languages.join(', ')}); add it to "languages" or remove this text`,
        });
      }
    }
  };

  checkText(q.title, ['title']);
  checkText(q.description, ['description']);
  const sectionIds = new Map<string, number>();
  q.sections.forEach((section, s) => {
    const sectionPath = ['sections', s];
    reserved(section.id, 'the section', [...sectionPath, 'id']);
    const first = sectionIds.get(section.id);
    if (first !== undefined) {
      issues.push({
        path: [...sectionPath, 'id'],
        message: `section id "${section.id}" is used twice (also by section ${first + 1}); section ids must be unique`,
      });
    } else {
      sectionIds.set(section.id, s);
    }
    checkText(section.title, [...sectionPath, 'title']);
    checkText(section.help, [...sectionPath, 'help']);
    const statementIds = new Map<string, number>();
    section.statements.forEach((statement, t) => {
      const statementPath = [...sectionPath, 'statements', t];
      reserved(statement.id, 'the statement', [...statementPath, 'id']);
      const firstStatement = statementIds.get(statement.id);
      if (firstStatement !== undefined) {
        issues.push({
          path: [...statementPath, 'id'],
          message: `statement id "${statement.id}" is used twice in section "${section.id}" (also by statement ${firstStatement + 1}); statement ids must be unique within their section`,
        });
      } else {
        statementIds.set(statement.id, t);
      }
      checkText(statement.text, [...statementPath, 'text']);
      checkText(statement.help, [...statementPath, 'help']);
      checkText(statement.remedy, [...statementPath, 'remedy']);
    });
  });
  return issues;
}

/** The language a questionnaire is shown in: the one asked for when it has it, else its default. */
export function pickLanguage(q: Questionnaire, wanted: string | undefined): string {
  return wanted !== undefined && q.languages.includes(wanted) ? wanted : q.languages[0]!;
}

export function localize(text: LocalizedText, language: string, fallback?: string): string;
export function localize(
  text: LocalizedText | undefined,
  language: string,
  fallback?: string,
): string | undefined;
export function localize(
  text: LocalizedText | undefined,
  language: string,
  fallback?: string,
): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  const own = (key: string | undefined) =>
    key !== undefined && Object.hasOwn(text, key) ? text[key] : undefined;
  return own(language) ?? own(fallback) ?? Object.values(text)[0];
}

export function statementCount(q: Questionnaire): number {
  return q.sections.reduce((sum, section) => sum + section.statements.length, 0);
}
