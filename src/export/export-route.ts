/**
 * Public contract: exports as plain HTTP downloads. `GET /export/:format?...` (and `POST` with a JSON body of the
 * same parameters, for long id lists) answers the file with its media type and a Content-Disposition filename,
 * so `curl -OJ` saves it; CSV answers a zip of nodes.csv, edges.csv and metadata.json. Errors answer in the
 * server's JSON error shape: 400 BAD_USER_INPUT naming the parameter (or `format`), 404 NOT_FOUND naming it.
 *
 * The same door as /graphql: with request limits, an export runs under a request's time and statement budget and
 * is admitted as a heavy operation (src/limits/admission-control.ts), so downloads cannot starve the API; one
 * shed answers 503 SERVER_BUSY with Retry-After, a spent budget 503 LIMIT_EXCEEDED naming it.
 */
import { buildSchema, type GraphQLSchema } from 'graphql';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { loadTypeDefs } from '../api-schema.ts';
import { createContext } from '../context.ts';
import type { QueryRunner } from '../db/query-runner.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { createExport } from './create-export.ts';
import { EXPORT_FORMAT_NAMES, isExportFormatName } from './export-formats.ts';
import { DEFAULT_GRAPH_CAPS, type GraphCaps } from './load-export-subgraph.ts';
import { readMeasureParams, readSelectionParams } from './read-selection-params.ts';
import type { AdmissionControl } from '../limits/admission-control.ts';
import { RequestBudget } from '../limits/request-budget.ts';
import { clientOf } from '../rate-limit.ts';
import type { RequestLimits } from '../request-limits.ts';
import type { ProjectionMeasures } from '../measures/projection-measures.ts';
import { VOCABULARY, type Vocabulary } from '../model/vocabulary.ts';
import { zipExport } from './zip-export.ts';

const EXPORT_PATH = '/export';

/** Client-facing errors and their HTTP status; anything else goes to the server's error handler (500). */
const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.LIMIT_EXCEEDED]: 503,
  [ErrorCode.SERVER_BUSY]: 503,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
  [ErrorCode.DATABASE_TIMEOUT]: 504,
};

function sendError(res: Response, status: number, code: ErrorCode, message: string, argument?: string): void {
  res
    .status(status)
    .json({ errors: [{ message, extensions: argument === undefined ? { code } : { code, argument } }] });
}

function attachment(filename: string): string {
  return `attachment; filename="${filename}"`;
}

export function createExportRouter(
  runner: QueryRunner,
  options: {
    caps?: GraphCaps;
    vocabulary?: Vocabulary;
    /** The served schema, whose input types the parameters are coerced through; built from `vocabulary` if omitted. */
    schema?: GraphQLSchema;
    measures?: ProjectionMeasures;
    /** The request limits and admission /graphql runs under; none: exports run unlimited (benchmarks). */
    limits?: { requestLimits: RequestLimits; admission: AdmissionControl };
  } = {},
): Router {
  const caps = options.caps ?? DEFAULT_GRAPH_CAPS;
  const router = express.Router();
  const schema = options.schema ?? buildSchema(loadTypeDefs(options.vocabulary ?? VOCABULARY));

  async function handle(req: Request, res: Response, params: Record<string, unknown>): Promise<void> {
    const format = String(req.params['format']);
    if (!isExportFormatName(format)) {
      sendError(
        res,
        400,
        ErrorCode.BAD_USER_INPUT,
        `'format' must be one of ${EXPORT_FORMAT_NAMES.join(', ')}, got '${format}'`,
        'format',
      );
      return;
    }
    const selection = readSelectionParams(params, schema);
    const measures = readMeasureParams(params);
    const budget = options.limits
      ? new RequestBudget(options.limits.requestLimits, undefined, clientOf(req))
      : undefined;
    const context = createContext(runner, options.vocabulary ?? VOCABULARY, budget, undefined, options.measures);
    const work = () => createExport(context, selection, format, { caps, measures });
    // Heavy whatever it selects: an export is bounded by its caps, not estimated.
    const result = options.limits
      ? await options.limits.admission.run({ name: 'export', ...(budget ? { budget } : {}) }, work)
      : await work();
    if ('notFound' in result) {
      sendError(res, 404, ErrorCode.NOT_FOUND, result.notFound.message, result.notFound.parameter);
      return;
    }
    const [only] = result.files;
    if (result.files.length === 1 && only) {
      res.set('Content-Disposition', attachment(only.filename));
      res.type(`${only.mediaType}; charset=utf-8`).send(only.content);
      return;
    }
    const zip = zipExport(
      result.files.map((file) => ({
        name: `${file.part ?? 'data'}.${result.format.extension}`,
        content: file.content,
      })),
      result.metadata,
    );
    res.set('Content-Disposition', attachment(`${result.baseName}-${result.format.name}.zip`));
    res.type('application/zip').send(Buffer.from(zip));
  }

  const run =
    (params: (req: Request) => Record<string, unknown>) => (req: Request, res: Response, next: NextFunction) => {
      Promise.resolve()
        .then(() => handle(req, res, params(req)))
        .catch((error: unknown) => {
          const status = error instanceof AppError ? STATUS_OF[error.code] : undefined;
          if (error instanceof AppError && status !== undefined) {
            const retryAfter = error.extensions['retryAfterSeconds'];
            if (retryAfter !== undefined) res.set('Retry-After', String(retryAfter));
            sendError(res, status, error.code, error.message, error.extensions['argument'] as string | undefined);
            return;
          }
          next(error);
        });
    };

  router.get(
    `${EXPORT_PATH}/:format`,
    run((req) => req.query as Record<string, unknown>),
  );
  router.post(
    `${EXPORT_PATH}/:format`,
    express.json({ limit: '1mb' }),
    run((req) => {
      const body: unknown = req.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new AppError(ErrorCode.BAD_USER_INPUT, 'The body must be a JSON object of export parameters');
      }
      return { ...(req.query as Record<string, unknown>), ...(body as Record<string, unknown>) };
    }),
  );
  return router;
}
