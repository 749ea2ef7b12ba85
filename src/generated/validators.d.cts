// Types for validators.cjs, which scripts/gen-schemas.ts generates at build time.
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  schema?: unknown;
  parentSchema?: { description?: string; [key: string]: unknown };
  data?: unknown;
}
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
export const questionnaire: ValidateFunction;
export const answers: ValidateFunction;
export const report: ValidateFunction;
/** The config file's options (src/core/config.ts, from the commands' declarations). */
export const config: ValidateFunction;
/** The parts of a report that `summary` reads (src/core/model.ts ReportForSummarySchema). */
export const reportForSummary: ValidateFunction;
/** A built-in's meanings record (src/core/meanings-record.ts MeaningsSchema). */
export const meanings: ValidateFunction;
