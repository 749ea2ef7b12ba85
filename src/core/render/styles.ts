// The few text styles trustcheck's terminal lines use; plain functions when colour is off, so
// that the core can format lines without knowing about chalk or the terminal.
export interface Styles {
  level: number;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plain = (text: string): string => text;

export const PLAIN: Styles = {
  level: 0,
  red: plain,
  green: plain,
  yellow: plain,
  dim: plain,
  bold: plain,
};
