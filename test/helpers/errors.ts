/**
 * What `fn` throws, for assertions on the error's class, code and fields; fails the test when `fn` returns
 * instead.
 */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, and it returned');
}

/** The error of this class that `fn` throws; any other error is thrown on, and a return fails the test. */
export function thrownAs<E extends Error>(type: abstract new (...args: never[]) => E, fn: () => unknown): E {
  const error = thrownBy(fn);
  if (error instanceof type) return error;
  throw error;
}
