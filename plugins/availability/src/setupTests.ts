import '@testing-library/jest-dom';

// recharts' ResponsiveContainer measures its parent with ResizeObserver,
// which jsdom does not implement.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in globalThis)) {
  Object.assign(globalThis, { ResizeObserver: NoopResizeObserver });
}
