/**
 * Internal: a problem found in the data files, and the error that carries all of them. Each problem names the
 * file and line, the entity or relationship, and the field, so a person can go straight to it.
 */
export interface DataProblem {
  file: string;
  line?: number;
  /** The entity or relationship concerned, e.g. `entity company:tsmc` or `relationship OPERATES company:tsmc -> facility:x`. */
  subject?: string;
  /** The field, as a path, e.g. `sources[0].quote`. */
  field?: string;
  message: string;
}

function formatProblem(problem: DataProblem): string {
  const place = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const what = [problem.subject, problem.field && `field "${problem.field}"`].filter(Boolean).join(' ');
  return what ? `${place}: ${what}: ${problem.message}` : `${place}: ${problem.message}`;
}

export class DataValidationError extends Error {
  override readonly name = 'DataValidationError';

  constructor(readonly problems: DataProblem[]) {
    const shown = problems.slice(0, 50).map((p) => `  - ${formatProblem(p)}`);
    const more = problems.length > 50 ? [`  ... and ${problems.length - 50} more`] : [];
    super(
      `The data was rejected (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was written:\n` +
        [...shown, ...more].join('\n'),
    );
  }
}
