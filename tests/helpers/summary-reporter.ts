/**
 * A vitest reporter that ends the run with one plain line, "N passed, N failed, N skipped", which any CI log
 * reader can count (vitest's own summary is coloured and spread over several lines).
 */
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    // A file that fails outside its tests (a hook, an import) counts as one failure, as do unhandled errors.
    let failed = unhandledErrors.length + testModules.filter((m) => m.errors().length > 0).length;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
