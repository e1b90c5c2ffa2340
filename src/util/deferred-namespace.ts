import Module from 'node:module';

/**
 * Puts a stand-in for the CommonJS module at `filename` into `require.cache`, Node's documented module cache, with the
 * exports `standIn` makes from a loader of the real module: the first use loads the real module, which then replaces
 * the stand-in in the cache. Nothing happens when the module is loaded already.
 */
export function putStandIn(filename: string, standIn: (load: () => Record<string, unknown>) => unknown): void {
  if (require.cache[filename]) return;
  let real: Record<string, unknown> | undefined;
  const load = () => {
    if (!real) {
      if (require.cache[filename] === stub) delete require.cache[filename];
      real = require(filename) as Record<string, unknown>;
    }
    return real;
  };
  const stub = new Module(filename);
  stub.filename = filename;
  stub.loaded = true;
  stub.exports = standIn(load);
  require.cache[filename] = stub;
}

/** What a deferred module's exports are: an object of names, or a function (a constructor or a callable namespace such as moment's). */
export type DeferredShape = 'namespace' | 'function';

/**
 * Puts off the module at `filename` until one of its names is read (or, for a `function` module, until it is called or
 * constructed): a library required only to be kept at hand costs nothing until used. `esModule` is what the real
 * module says of itself (`exports.__esModule`), answered without loading it.
 */
export function deferNamespace(filename: string, options: { esModule: boolean; shape?: DeferredShape }): void {
  putStandIn(filename, (load) => {
    // A bound function is callable and constructible and has no own `prototype`, so every name can be the real module's.
    const target = options.shape === 'function' ? function deferredModule() {}.bind(null) : {};
    return new Proxy(target, {
      get: (_target, name) => (name === '__esModule' ? options.esModule : Reflect.get(load(), name)),
      has: (_target, name) => Reflect.has(load(), name),
      ownKeys: () => Reflect.ownKeys(load()),
      // A proxy may not call a property non-configurable that its target lacks: the real module's, as configurable.
      getOwnPropertyDescriptor: (_target, name) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), name);
        return descriptor && { ...descriptor, configurable: true };
      },
      apply: (_target, self, args) => Reflect.apply(load() as unknown as (...args: unknown[]) => unknown, self, args),
      // `new stand-in()` makes an instance of the real constructor: the stand-in's `prototype` is the real one's.
      construct: (_target, args, newTarget) => Reflect.construct(load() as unknown as new (...args: unknown[]) => object, args, newTarget),
    });
  });
}
