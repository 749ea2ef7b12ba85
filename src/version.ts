// trustcheck's own version, replaced at build time with package.json's.
export const VERSION: string = __TRUSTCHECK_VERSION__;
