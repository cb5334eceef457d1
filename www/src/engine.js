// The engine (the wasm) is loaded once per page and shared by every element. Loading starts
// when the element is defined: a page that loads this script has a diagram, and compiling in
// the background from here takes it off the first frame's path.

/** A memoised loader: `ready()` is the one promise of the instantiated engine. */
export function engineLoader(load) {
  let ready = null;
  let instance = null;
  return {
    ready() {
      if (!ready) {
        let loading;
        try {
          loading = Promise.resolve(load());
        } catch (error) {
          loading = Promise.reject(error);
        }
        ready = loading.then((exports) => {
          instance = exports;
          return exports;
        });
      }
      return ready;
    },
    /**
     * Resolves in a later task, queued in call order: a user-blocking task where the browser
     * has `scheduler.postTask`, so a widget the reader is looking at goes ahead of the parser
     * still reading a long page (500 widgets: its slices would otherwise run first and delay
     * the first drawing by half as long again), else a message (no 4 ms timer clamp).
     */
    turn() {
      if (globalThis.scheduler?.postTask) return scheduler.postTask(() => {}, { priority: 'user-blocking' });
      return new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve();
        };
        channel.port2.postMessage(null);
      });
    },
    /** True once the engine is instantiated. */
    get loaded() {
      return instance !== null;
    },
    /** Bytes of WebAssembly memory (0 before loading). */
    get memoryBytes() {
      return instance?.memory?.buffer.byteLength ?? 0;
    },
  };
}
