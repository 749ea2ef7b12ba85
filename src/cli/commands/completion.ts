// placeholder
import type { Context } from '../context.js';
import { TrustcheckError } from '../../errors.js';
export function completionCommand(_ctx: Context, ..._args: unknown[]): number {
  throw new TrustcheckError('completion: not built yet');
}
