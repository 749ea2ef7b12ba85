// placeholder: replaced by the interactive audit
import type { Context } from '../cli/context.js';
import type { AuditCommandOptions, FailOn } from '../cli/commands/audit.js';
import { TrustcheckError } from '../errors.js';
export async function interactiveAudit(
  _ctx: Context,
  _o: AuditCommandOptions,
  _f: FailOn,
): Promise<number> {
  throw new TrustcheckError('interactive audit: not built yet');
}
