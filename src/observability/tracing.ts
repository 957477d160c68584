/**
 * Internal: OpenTelemetry tracing, off by default.
 *
 * Contract: `startTracing(false)` registers nothing and returns no tracer (spans cost nothing: the API's no-op).
 * `startTracing(true)` (OTEL_ENABLED=true, or OTEL_TRACES_EXPORTER set to an exporter) registers a Node tracer
 * provider exporting OTLP over HTTP (the standard OTEL_EXPORTER_OTLP_* and OTEL_SERVICE_NAME variables apply);
 * the SDK is imported only then, so start-up does not pay for it. Spans: one per GraphQL HTTP request
 * (`graphql <operation>`, with the outcome) and one per Cypher statement (`neo4j <operation>`) inside it.
 */
import { SpanKind, SpanStatusCode, context, trace, type Tracer } from '@opentelemetry/api';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { QueryObserver } from '../db/query-runner.ts';

const TRACER_NAME = 'policy-knowledge-graph';

export interface Tracing {
  /** Undefined when tracing is off. */
  tracer: Tracer | undefined;
  /** Flushes and stops the exporter. */
  shutdown(): Promise<void>;
}

export async function startTracing(enabled: boolean): Promise<Tracing> {
  if (!enabled) return { tracer: undefined, shutdown: async () => undefined };
  const [{ NodeTracerProvider }, { BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
    ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env['OTEL_SERVICE_NAME'] ?? TRACER_NAME }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  return {
    tracer: trace.getTracer(TRACER_NAME),
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
    },
  };
}

/** Express middleware (after body parsing): a server span around the request, active while it runs. */
export function traceRequests(tracer: Tracer): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const span = tracer.startSpan(`graphql ${req.method}`, { kind: SpanKind.SERVER });
    res.once('close', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(context.active(), span), next);
  };
}

/** Names the active request span after the operation and records the outcome (from the operation plugin). */
export function annotateRequestSpan(operation: string, outcome: string): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.updateName(`graphql ${operation}`);
  span.setAttributes({ 'graphql.operation.name': operation, 'graphql.outcome': outcome });
}

/** A QueryObserver that opens a client span per Cypher statement. */
export function tracingObserver(tracer: Tracer): QueryObserver {
  return {
    statementStarted(operation, mode) {
      const span = tracer.startSpan(`neo4j ${operation}`, {
        kind: SpanKind.CLIENT,
        attributes: { 'db.system': 'neo4j', 'db.operation.name': operation, 'db.access_mode': mode },
      });
      return (error) => {
        if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      };
    },
  };
}
