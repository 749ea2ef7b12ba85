// "Today" for a report's date: SOURCE_DATE_EPOCH when set (reproducible builds), else the local
// date. The one definition, for the CLI and the library alike.
export function today(
  env: Readonly<Record<string, string | undefined>> = {},
  now: Date = new Date(),
): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) {
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
