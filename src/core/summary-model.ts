// The portfolio summary's JSON (`trustcheck summary -f json`, format trustcheck-summary/1): the
// source of its published schema (schemas/summary.schema.json, `trustcheck schema summary`) and
// of its types, which core/summary.ts builds. trustcheck writes a summary and never reads one, so
// no run-time validator is made from it; zod stays off the start-up path (types only).
import { z } from 'zod';
import { DATE_PATTERN, ID_PATTERN, SUMMARY_FORMAT } from './formats.js';

const Count = z.number().int().min(0);

const IsoDate = z
  .string()
  .regex(new RegExp(DATE_PATTERN))
  .meta({ description: 'a date written as YYYY-MM-DD' });

const Column = z
  .string()
  .regex(new RegExp(`^${ID_PATTERN.slice(1, -1)}\\.${ID_PATTERN.slice(1, -1)}$`))
  .meta({
    description: 'a question: `questionnaire.section`, such as trustability.customer-reviews',
  });

export const SummaryRowSchema = z
  .object({
    subject: z.string(),
    date: IsoDate,
    passed: z
      .boolean()
      .meta({ description: 'the report passed: every questionnaire in it passed' }),
    statementsSatisfied: Count,
    statements: Count,
    sectionsPassed: Count,
    sections: Count,
    verdicts: z.record(Column, z.boolean()).meta({
      description:
        'each question of the report (a column): whether it passed; a question the report does not hold is absent',
    }),
  })
  .strict()
  .meta({ description: 'one report: a subject on a date' });

export const CommonFailureSchema = z
  .object({
    statement: z.string().meta({ description: '`questionnaire.section.statement`' }),
    text: z.string().meta({ description: "the statement in words, in the summary's language" }),
    question: z.string().meta({ description: 'the question (section title) it belongs to' }),
    subjects: Count.meta({ description: 'how many subjects (by their latest report) fail it' }),
  })
  .strict();

export const PortfolioChangeSchema = z
  .object({
    subject: z.string(),
    from: IsoDate.meta({ description: 'the date of the earlier report' }),
    to: IsoDate.meta({ description: 'the date of the later report' }),
    statement: z.string().meta({
      description:
        '`questionnaire.section.statement`, or `ID (questionnaire missing)` for a questionnaire the later report no longer holds',
    }),
    text: z.string().meta({ description: "the statement in words, in the summary's language" }),
  })
  .strict()
  .meta({ description: 'a statement that changed between two consecutive reports of a subject' });

export const SummarySchema = z
  .object({
    format: z.literal(SUMMARY_FORMAT),
    subjects: Count.meta({ description: 'how many subjects (organisations)' }),
    reports: Count.meta({ description: 'how many reports, each counted once' }),
    language: z.string().meta({
      description: "the language of the latest report, in which the summary's words are written",
    }),
    columns: z.array(Column).meta({ description: 'the questions, in the order of the table' }),
    columnTitles: z
      .array(z.string())
      .meta({ description: "each column's question in words, in the summary's language" }),
    rows: z.array(SummaryRowSchema).meta({ description: 'the reports, by subject, then date' }),
    mostCommonFailures: z.array(CommonFailureSchema).meta({
      description: 'the statements that most subjects fail, by their latest report',
    }),
    regressions: z.array(PortfolioChangeSchema).meta({
      description:
        'statements that stopped being true between consecutive reports of the same subject',
    }),
    improvements: z.array(PortfolioChangeSchema).meta({
      description: 'statements that became true between consecutive reports of the same subject',
    }),
  })
  .strict()
  .meta({
    title: 'trustcheck summary',
    description: 'A portfolio summary over many trustcheck reports (format trustcheck-summary/1).',
  });

export type Summary = z.infer<typeof SummarySchema>;
export type SummaryRow = z.infer<typeof SummaryRowSchema>;
export type CommonFailure = z.infer<typeof CommonFailureSchema>;
/** A statement that changed between two consecutive reports of one subject. */
export type PortfolioChange = z.infer<typeof PortfolioChangeSchema>;
