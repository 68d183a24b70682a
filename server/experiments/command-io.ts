/** What an experiment command gets from main.ts: stdout, its arguments, and how to fail (exit 1). */
export interface CommandIo {
  out: (s: string) => void;
  /** The arguments after `crossing-twin` (for the run receipt). */
  argv: readonly string[];
  /** Sets the exit code without throwing (a missed target, a regression). */
  setExitCode: (code: number) => void;
}
