// Which language texts are shown in: --lang, else the answer file's, else the locale's.

export type Language = 'en' | 'nl';

export function defaultLanguage(
  env: Record<string, string | undefined>,
  fromFile: string | undefined,
): Language {
  if (fromFile === 'en' || fromFile === 'nl') return fromFile;
  const locale = env.LC_ALL || env.LANG || '';
  return locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}
