/**
 * Runs at most `concurrency` tasks at once; the rest wait in order.
 *
 * @public
 */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Creates a {@link Limiter}.
 *
 * @public
 */
export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(
      `concurrency must be a whole number >= 1, got ${concurrency}`,
    );
  }
  let running = 0;
  const waiting: Array<() => void> = [];

  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= concurrency) {
      // The releasing task hands its slot over, so `running` stays counted.
      await new Promise<void>(resolve => waiting.push(resolve));
    } else {
      running += 1;
    }
    try {
      return await task();
    } finally {
      if (waiting.length) {
        waiting.shift()!();
      } else {
        running -= 1;
      }
    }
  };
}
