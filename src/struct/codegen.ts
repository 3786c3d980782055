/**
 * The small code writer behind every per-row function derived from a
 * declaration (the row reader, the keyed-row writer, the notification key
 * reader, the family of a row), after zod v4's `allowsEval`: where the process
 * allows code generation from strings, the function is compiled from source
 * written from the layout — offsets as literals, one object literal per row,
 * which V8 runs as fast as hand-written code; where it does not (Node's
 * `--disallow-code-generation-from-strings`, an Electron renderer's CSP), the
 * same function is built as closures over the same layout. Both give the same
 * results; the tests hold them to it on every C fixture.
 */

let allowed: boolean | undefined;

/** Whether this process lets `new Function` compile source (checked once). */
export function allowsEval(): boolean {
  if (allowed === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      allowed = new Function('return true')() === true;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}

/** Which way functions are built: for the tests and the benchmark, which run both. */
export type BuildMode = 'compiled' | 'interpreted';

/**
 * A function built both ways from one description: `source` is the body of
 * `function name(params) { … }`, run with `env`'s entries in scope;
 * `interpreted` builds the same function from closures. `mode` forces one way
 * (the tests and the benchmark compare them); by default the compiled one is
 * used where code generation is allowed.
 */
export function build<F>(
  name: string,
  params: readonly string[],
  source: string,
  env: Readonly<Record<string, unknown>>,
  interpreted: () => F,
  mode: BuildMode = allowsEval() ? 'compiled' : 'interpreted',
): F {
  if (mode === 'interpreted') return interpreted();
  const names = Object.keys(env);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = new Function(...names, `"use strict";\nreturn function ${name}(${params.join(', ')}) {\n${source}\n};`) as (...values: unknown[]) => F;
  return factory(...names.map((n) => env[n]));
}
