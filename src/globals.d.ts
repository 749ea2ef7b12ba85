/** Replaced at build time with package.json's version. */
declare const __TRUSTCHECK_VERSION__: string;
