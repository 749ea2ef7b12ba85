// placeholder: replaced by the batch audit
import type { Context } from '../context.js';
import type { AuditCommandOptions, FailOn } from './audit.js';
import { TrustcheckError } from '../../errors.js';
export async function batchAudit(_c: Context, _f: string[], _o: AuditCommandOptions, _p: FailOn): Promise<number> {
  throw new TrustcheckError('batch: not built yet');
}
