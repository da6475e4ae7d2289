// A backend for component and unit tests: the methods a test gives, and every
// other method rejecting with "not used", so a test notices an unexpected call.
import type { Backend } from "./backend";

export function fakeBackend(methods: Partial<Backend>): Backend {
  const unused = () => Promise.reject(new Error("not used in this test"));
  return new Proxy({} as Backend, {
    get(_t, name) {
      return (methods as Record<string | symbol, unknown>)[name] ?? unused;
    },
  });
}
