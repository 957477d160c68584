/**
 * OpenTelemetry tracing is off unless the environment asks for it, and then records spans.
 */
import { trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startTracing } from '../../src/observability/tracing.ts';

describe('tracing', () => {
  it('is off by default, on with OTEL_ENABLED or an OTEL_TRACES_EXPORTER other than none', () => {
    expect(loadConfig({}).tracing).toBe(false);
    expect(loadConfig({ OTEL_ENABLED: 'false' }).tracing).toBe(false);
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'none' }).tracing).toBe(false);
    expect(loadConfig({ OTEL_ENABLED: 'true' }).tracing).toBe(true);
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp' }).tracing).toBe(true);
  });

  it('off: no tracer, and spans do not record', async () => {
    const tracing = await startTracing(loadConfig({}).tracing);
    expect(tracing.tracer).toBeUndefined();
    const span = trace.getTracer('test').startSpan('nothing');
    expect(span.isRecording()).toBe(false);
    span.end();
    await tracing.shutdown();
  });

  it('on: spans record until shutdown', async () => {
    process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = 'http://127.0.0.1:9';
    const tracing = await startTracing(true);
    try {
      expect(tracing.tracer).toBeDefined();
      // Not ended, so nothing is exported to the (closed) endpoint.
      expect(tracing.tracer!.startSpan('something').isRecording()).toBe(true);
    } finally {
      await tracing.shutdown();
      delete process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
    }
    expect(trace.getTracer('test').startSpan('after').isRecording()).toBe(false);
  }, 30_000);
});
