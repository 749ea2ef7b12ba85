// placeholder
import type { Context } from '../context.js';
import { TrustcheckError } from '../../errors.js';
export function summaryCommand(_ctx: Context, ..._args: unknown[]): number {
  throw new TrustcheckError('summary: not built yet');
}
