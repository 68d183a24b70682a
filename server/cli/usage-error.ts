/**
 * Bad input from the user (a flag, an argument, a file): the CLI prints the message, naming what
 * and where, and exits with code 2 without running anything.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes of every command (DESIGN.md): 0 ok, 1 run failed or a target missed, 2 bad input. */
export const EXIT = { OK: 0, FAILED: 1, BAD_INPUT: 2 } as const;

/** Parses a whole number flag value, or throws a UsageError naming the flag. */
export function parseWholeNumber(flag: string, raw: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag}: expected a whole number, got '${raw}'`);
  const n = Number(text);
  if (!(n >= min && n <= max)) throw new UsageError(`${flag}: ${n} is out of range (${min}..${max})`);
  return n;
}
