// "Today" for a report's date: SOURCE_DATE_EPOCH when set (reproducible builds), else the local
// date. The one definition, for the CLI and the library alike. Dates stay within four-digit
// years, so that trustcheck can read back every date it writes.
import { TrustcheckError } from '../errors.js';

/** The last second of 9999-12-31 (UTC). */
const LAST_EPOCH = 253402300799;

export function today(
  env: Readonly<Record<string, string | undefined>> = {},
  now: Date = new Date(),
): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch) || Number(epoch) > LAST_EPOCH) {
      throw new TrustcheckError(
        `SOURCE_DATE_EPOCH=${epoch.slice(0, 40)} is not a date trustcheck can use: give whole seconds since 1970-01-01 (UTC) up to ${LAST_EPOCH} (the end of 9999), or unset it`,
      );
    }
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
