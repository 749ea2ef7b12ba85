// The names and patterns of trustcheck's file formats, free of zod so that run-time code can
// import them without loading the schema library.

export const QUESTIONNAIRE_FORMAT = 'trustcheck-questionnaire/1';
export const ANSWERS_FORMAT = 'trustcheck-answers/1';
export const REPORT_FORMAT = 'trustcheck-report/1';
/** The portfolio summary's JSON (`trustcheck summary -f json`). */
export const SUMMARY_FORMAT = 'trustcheck-summary/1';
/** The record of which statements kept their meaning across a questionnaire's versions. */
export const MEANINGS_FORMAT = 'trustcheck-meanings/1';

export const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const SEMVER_PATTERN =
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$';
export const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
export const LANGUAGE_PATTERN = '^[a-z]{2}$';
