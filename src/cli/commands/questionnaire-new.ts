// placeholder
import type { Context } from '../context.js';
import { TrustcheckError } from '../../errors.js';
export function newCommand(_ctx: Context, ..._args: unknown[]): number {
  throw new TrustcheckError('questionnaire-new: not built yet');
}
