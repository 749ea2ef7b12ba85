// The single source of truth for trustcheck's file formats. The JSON Schemas in schemas/ and
// the validators used at run time are generated from these zod schemas at build time
// (scripts/gen-schemas.ts); at run time only the inferred types are used, so zod stays off
// the start-up path.
import { z } from 'zod';

import {
  ANSWERS_FORMAT,
  DATE_PATTERN,
  ID_PATTERN,
  LANGUAGE_PATTERN,
  QUESTIONNAIRE_FORMAT,
  REPORT_FORMAT,
  SEMVER_PATTERN,
} from './formats.js';
import { impossibleDateMessage, isImpossibleDate } from './dates.js';

export * from './formats.js';

const Id = z
  .string()
  .regex(new RegExp(ID_PATTERN))
  .meta({ description: 'a kebab-case id: lower-case letters, digits and single hyphens' });

const Language = z
  .string()
  .regex(new RegExp(LANGUAGE_PATTERN))
  .meta({ description: 'a two-letter language code, such as en or nl' });

const SemVer = z
  .string()
  .regex(new RegExp(SEMVER_PATTERN))
  .meta({ description: 'a semantic version, such as 1.0.0' });

// a real calendar date: the refinement is the same check the loaders make at run time
// (dates.ts), since a JSON Schema pattern cannot say which days a month has
const IsoDate = z
  .string()
  .regex(new RegExp(DATE_PATTERN))
  .refine((text) => !isImpossibleDate(text), {
    error: (issue) => impossibleDateMessage(String(issue.input)),
  })
  .meta({ description: 'a date written as YYYY-MM-DD' });

export const LocalizedTextSchema = z
  .union([z.string().min(1), z.record(Language, z.string().min(1))])
  .meta({
    description: 'a text for every language, or a map with one text per declared language',
  });

// ---------------------------------------------------------------------------------------------
// Questionnaire

export const StatementSchema = z
  .object({
    id: Id.meta({ description: 'the statement id, unique within its section; stable forever' }),
    text: LocalizedTextSchema.meta({ description: 'the statement, true or not' }),
    help: LocalizedTextSchema.optional().meta({
      description: 'what counts, or an example (optional)',
    }),
    remedy: LocalizedTextSchema.optional().meta({
      description: 'what to do when the statement is not true; shown in reports (optional)',
    }),
    allowNotApplicable: z.boolean().optional().meta({
      description: 'true lets an answer be `na` (not applicable), with a note',
    }),
  })
  .strict()
  .meta({ title: 'Statement', description: 'a statement that is either true or not' });

export const SectionSchema = z
  .object({
    id: Id.meta({ description: 'the section id, unique within the questionnaire' }),
    title: LocalizedTextSchema.meta({ description: 'the question this section answers' }),
    help: LocalizedTextSchema.optional().meta({
      description: 'how to read the question, e.g. the rule in the source (optional)',
    }),
    statements: z.array(StatementSchema).min(1).meta({
      description:
        'the statements; the section passes only when every one of them is true (all-must-be-true)',
    }),
  })
  .strict()
  .meta({
    title: 'Section',
    description: 'a question, answered yes only if all its statements are',
  });

export const QuestionnaireSchema = z
  .object({
    $schema: z.string().optional().meta({ description: 'the JSON Schema, for editors' }),
    format: z
      .literal(QUESTIONNAIRE_FORMAT)
      .meta({ description: 'the file format and its version' }),
    id: Id.meta({ description: 'the questionnaire id, kebab-case, stable forever' }),
    version: SemVer.meta({
      description:
        'semantic version: a change of wording is a patch, a new statement a minor, a removed or re-meant one a major',
    }),
    languages: z.array(Language).min(1).meta({
      description: 'the languages every text is given in; the first is the default',
    }),
    rule: z
      .literal('all-must-be-true')
      .meta({ description: 'the scoring rule; the only rule of format 1' }),
    title: LocalizedTextSchema.meta({ description: 'the questionnaire title' }),
    description: LocalizedTextSchema.optional().meta({ description: 'what it checks (optional)' }),
    source: z.string().optional().meta({ description: 'where the questions come from (optional)' }),
    sections: z.array(SectionSchema).min(1).meta({ description: 'the questions, in order' }),
  })
  .strict()
  .meta({
    title: 'trustcheck questionnaire',
    description: 'A versioned trustcheck questionnaire (format trustcheck-questionnaire/1).',
  });

// ---------------------------------------------------------------------------------------------
// Answer file

export const AnswerValueSchema = z
  .union([z.enum(['yes', 'no', 'na']), z.boolean(), z.null()])
  .meta({
    description: 'yes, no or na (not applicable); true and false mean yes and no; ~ is unanswered',
  });

export const ActionSchema = z
  .object({
    what: z.string().min(1).optional().meta({
      description: "what will be done (optional; default: the statement's remedy)",
    }),
    owner: z.string().min(1).meta({ description: 'who will make the statement true' }),
    due: IsoDate.meta({ description: 'by when, YYYY-MM-DD' }),
  })
  .strict()
  .meta({
    title: 'Action',
    description: 'who will make this statement true, and by when (an action plan item)',
  });

export const AnswerDetailSchema = z
  .object({
    answer: AnswerValueSchema,
    note: z.string().optional().meta({ description: 'why; required with na' }),
    evidence: z
      .string()
      .optional()
      .meta({ description: 'where the proof is: a document, a link, a ticket (optional)' }),
    until: IsoDate.optional().meta({
      description: 'with na: the date after which the exemption no longer counts (YYYY-MM-DD)',
    }),
    action: ActionSchema.optional(),
  })
  .strict()
  .meta({
    title: 'Answer with details',
    description: 'an answer with a note, evidence and an action',
  });

export const AnswerEntrySchema = z.union([AnswerValueSchema, AnswerDetailSchema]).meta({
  description:
    'yes, no or na, or a map with answer and an optional note, evidence, until and action',
});

export const SectionAnswersSchema = z
  .union([z.record(z.string(), AnswerEntrySchema), z.null()])
  .meta({ description: 'the answers of one section: statement id -> answer' });

export const QuestionnaireAnswersSchema = z
  .object({
    version: SemVer.optional().meta({
      description: 'the questionnaire version these answers were given against',
    }),
    answers: z
      .union([z.record(z.string(), SectionAnswersSchema), z.null()])
      .optional()
      .meta({ description: 'section id -> statement id -> answer' }),
  })
  .strict()
  .meta({ title: 'Answers to one questionnaire' });

export const AnswerFileSchema = z
  .object({
    $schema: z.string().optional().meta({ description: 'the JSON Schema, for editors' }),
    format: z.literal(ANSWERS_FORMAT).meta({ description: 'the file format and its version' }),
    subject: z.string().min(1).meta({ description: 'the organisation audited' }),
    assessor: z.string().optional().meta({ description: 'who answered (optional)' }),
    role: z
      .string()
      .optional()
      .meta({ description: "the assessor's role, such as Sales or Support (optional)" }),
    date: IsoDate.optional().meta({
      description: "the report's date, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH)",
    }),
    language: Language.optional().meta({ description: 'the language of the report (optional)' }),
    questionnaires: z
      .record(z.string(), QuestionnaireAnswersSchema)
      .meta({ description: 'questionnaire id -> its version and answers' }),
  })
  .strict()
  .meta({
    title: 'trustcheck answers',
    description: 'Answers to one or more trustcheck questionnaires (format trustcheck-answers/1).',
  });

// ---------------------------------------------------------------------------------------------
// Report

const Nullable = <T extends z.ZodType>(t: T) => z.union([t, z.null()]);

export const ActionStatusSchema = z.enum(['done', 'overdue', 'postponed', 'new', 'open']).meta({
  description:
    'done: the statement is satisfied; overdue: not satisfied and due before the report date; postponed: due later than in the baseline; new: not in the baseline; open: planned',
});

export const ReportActionSchema = z
  .object({
    what: z
      .string()
      .meta({ description: "what will be done (the statement's remedy if not given)" }),
    owner: z.string(),
    due: IsoDate,
    status: ActionStatusSchema,
    previousDue: Nullable(IsoDate).meta({
      description: "the due date in the baseline's action, when it was earlier (postponed)",
    }),
    respondent: z.string().optional().meta({
      description: 'team audit: whose answer file gives the action (absent under --anonymous)',
    }),
  })
  .strict()
  .meta({ title: 'Action', description: 'an action plan item of a statement' });

export const ActionTotalsSchema = z
  .object({
    planned: z.number().int().min(0).meta({ description: 'untrue statements with an action' }),
    unplanned: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'untrue statements without an action ("no owner yet")' }),
    overdue: z.number().int().min(0).meta({ description: 'actions that are overdue' }),
    postponed: z
      .number()
      .int()
      .min(0)
      .meta({ description: 'actions postponed since the baseline' }),
    doneSinceBaseline: z.number().int().min(0).meta({
      description: 'actions done on statements that were not true in the baseline',
    }),
  })
  .strict();
/** One respondent's answer to a statement, in a team report. */
export const RespondentAnswerSchema = z
  .object({
    respondent: z.string().meta({
      description: 'the respondent, as `respondents` names them ("Respondent 1" under --anonymous)',
    }),
    answer: Nullable(z.enum(['yes', 'no', 'na'])).meta({ description: 'null when unanswered' }),
    satisfied: z.boolean(),
    note: Nullable(z.string()).optional().meta({
      description: 'absent in an anonymous report (its notes are under `unattributed`)',
    }),
    evidence: Nullable(z.string()).optional().meta({
      description: 'absent in an anonymous report (its evidence is under `unattributed`)',
    }),
    until: Nullable(IsoDate).optional().meta({ description: 'for na: the date it ends' }),
  })
  .strict()
  .meta({ description: "one respondent's answer in a team audit" });

export const ReportStatementSchema = z
  .object({
    id: Id,
    text: z.string(),
    answer: Nullable(z.enum(['yes', 'no', 'na'])).meta({ description: 'null when unanswered' }),
    satisfied: z.boolean(),
    note: Nullable(z.string()),
    evidence: Nullable(z.string()),
    until: Nullable(IsoDate).meta({
      description: 'for na: the date the exemption ends; after it the statement is not satisfied',
    }),
    naExpired: z.boolean().optional().meta({
      description: 'for na only: true when `until` lies before the report date',
    }),
    remedy: Nullable(z.string()),
    actions: z.array(ReportActionSchema).optional().meta({
      description:
        'who makes this statement true, and by when: one per answer file that gives one (absent in reports of older versions)',
    }),
    answers: z.array(RespondentAnswerSchema).optional().meta({
      description:
        "team audit: each respondent's answer, in the order of `respondents`; the combined `answer` is no when any is not satisfied, na when all are and one is na, else yes",
    }),
    unattributed: z
      .object({ notes: z.array(z.string()), evidence: z.array(z.string()) })
      .strict()
      .optional()
      .meta({
        description:
          "anonymous team audit: the respondents' notes and evidence, sorted, not attributed",
      }),
  })
  .strict();

export const ReportSectionSchema = z
  .object({
    id: Id,
    title: z.string(),
    passed: z.boolean(),
    satisfied: z.number().int().min(0),
    total: z.number().int().min(0),
    statements: z.array(ReportStatementSchema),
  })
  .strict();

export const ReportQuestionnaireSchema = z
  .object({
    id: Id,
    version: z.string(),
    digest: z.string().meta({ description: "sha256 of the questionnaire file's bytes" }),
    title: z.string(),
    passed: z.boolean(),
    sections: z.array(ReportSectionSchema),
  })
  .strict();

const StatementRef = {
  questionnaire: Id,
  section: Id,
  statement: Id,
};

export const StatementChangeSchema = z
  .object({ ...StatementRef, was: z.boolean(), now: z.boolean() })
  .strict()
  .meta({ description: 'a statement whose satisfied state changed (was -> now)' });

export const SectionChangeSchema = z
  .object({ questionnaire: Id, section: Id, was: z.boolean(), now: z.boolean() })
  .strict();

export const StatementPresenceSchema = z.object(StatementRef).strict();

export const VersionChangeSchema = z
  .object({
    questionnaire: Id,
    from: z.string().meta({ description: 'its version in the baseline' }),
    to: z.string().meta({ description: 'its version in this report' }),
    removed: z.number().int().min(0).meta({
      description:
        'how many of its statements in `removed`: gone, re-meant, moved to another question or given a new id',
    }),
    added: z.number().int().min(0).meta({
      description: 'how many of its statements in `added`: new, re-meant, moved or renamed',
    }),
  })
  .strict()
  .meta({
    description:
      'a questionnaire whose version differs between the baseline and this report; only statements with the same section, id and meaning in both are compared',
  });

export const ComparisonSchema = z
  .object({
    baseline: z.object({ subject: z.string(), date: IsoDate }).strict(),
    regressions: z.array(StatementChangeSchema),
    improvements: z.array(StatementChangeSchema),
    sectionRegressions: z.array(SectionChangeSchema),
    added: z.array(StatementPresenceSchema),
    removed: z.array(StatementPresenceSchema),
    missingQuestionnaires: z.array(Id).meta({
      description:
        'questionnaires in the baseline but not in this audit; each counts as a regression',
    }),
    versionChanges: z.array(VersionChangeSchema).optional().meta({
      description:
        'the questionnaires whose version changed since the baseline; absent when none did (and in reports written before it existed)',
    }),
  })
  .strict();

export const ReportTotalsSchema = z
  .object({
    questionnaires: z.number().int().min(0),
    questionnairesPassed: z.number().int().min(0),
    sections: z.number().int().min(0),
    sectionsPassed: z.number().int().min(0),
    statements: z.number().int().min(0),
    statementsSatisfied: z.number().int().min(0),
  })
  .strict();

export const ReportSchema = z
  .object({
    format: z.literal(REPORT_FORMAT),
    tool: z.object({ name: z.literal('trustcheck'), version: z.string() }).strict(),
    subject: z.string(),
    assessor: Nullable(z.string()),
    date: IsoDate,
    language: z.string(),
    passed: z.boolean(),
    totals: ReportTotalsSchema,
    questionnaires: z.array(ReportQuestionnaireSchema),
    comparison: Nullable(ComparisonSchema),
    actionTotals: ActionTotalsSchema.optional().meta({
      description: 'the action plan in numbers (absent in reports of older versions)',
    }),
    respondents: z
      .array(
        z
          .object({
            name: z.string(),
            role: Nullable(z.string()),
            answers: Nullable(z.string()).meta({
              description: "sha256 of the respondent's answer file; null under --anonymous",
            }),
          })
          .strict(),
      )
      .optional()
      .meta({ description: 'team audit: who answered, in the order of their files' }),
    anonymous: z.boolean().optional().meta({
      description: 'team audit under --anonymous: respondents are "Respondent 1, 2, …"',
    }),
  })
  .strict()
  .meta({
    title: 'trustcheck report',
    description: 'The result of a trustcheck audit (format trustcheck-report/1).',
  });

// ---------------------------------------------------------------------------------------------
// Types

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
export type Statement = z.infer<typeof StatementSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
export type AnswerEntry = z.infer<typeof AnswerEntrySchema>;
export type AnswerFile = z.infer<typeof AnswerFileSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type ReportQuestionnaire = z.infer<typeof ReportQuestionnaireSchema>;
export type ReportSection = z.infer<typeof ReportSectionSchema>;
export type ReportStatement = z.infer<typeof ReportStatementSchema>;
export type RespondentAnswer = z.infer<typeof RespondentAnswerSchema>;
export type Respondent = NonNullable<Report['respondents']>[number];
export type ReportTotals = z.infer<typeof ReportTotalsSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type ReportAction = z.infer<typeof ReportActionSchema>;
export type ActionStatus = z.infer<typeof ActionStatusSchema>;
export type ActionTotals = z.infer<typeof ActionTotalsSchema>;
export type StatementChange = z.infer<typeof StatementChangeSchema>;
export type SectionChange = z.infer<typeof SectionChangeSchema>;
export type StatementPresence = z.infer<typeof StatementPresenceSchema>;
export type VersionChange = z.infer<typeof VersionChangeSchema>;
/** What a portfolio reads of a report: a whole report, or only these parts of one. */
export type ReportForSummary = z.infer<typeof ReportForSummarySchema>;

/**
 * The parts of a report that `summary` reads, each as the report schema has it: what it shows,
 * and the answers its verdicts are derived from. A report's other fields are not read, so they
 * are not checked there (a portfolio tolerates what it ignores).
 */
export const ReportForSummarySchema = ReportSchema.pick({
  format: true,
  subject: true,
  date: true,
  language: true,
  passed: true,
  totals: true,
})
  .extend({
    questionnaires: z.array(
      ReportQuestionnaireSchema.pick({ id: true, version: true, digest: true, passed: true })
        .extend({
          sections: z.array(
            ReportSectionSchema.pick({
              id: true,
              title: true,
              passed: true,
              satisfied: true,
              total: true,
            })
              .extend({
                statements: z.array(
                  // the verdict, and what it is derived from (derive.ts)
                  ReportStatementSchema.pick({
                    id: true,
                    text: true,
                    answer: true,
                    note: true,
                    until: true,
                    satisfied: true,
                    naExpired: true,
                    actions: true,
                    answers: true,
                  }).loose(),
                ),
              })
              .loose(),
          ),
        })
        .loose(),
    ),
  })
  .loose();

/** Every schema that is published in schemas/, by the name `trustcheck schema NAME` takes. */
export const publishedSchemas = {
  questionnaire: QuestionnaireSchema,
  answers: AnswerFileSchema,
  report: ReportSchema,
} as const;
export type SchemaName = keyof typeof publishedSchemas;
