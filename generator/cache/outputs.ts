/**
 * Output files by path, some of them read from generated/ only when their text is asked for: a run that changes
 * nothing never reads the files the cache vouches for. Reading them gives exactly the bytes the cache recorded.
 */
export class OutputFiles extends Map<string, string> {
  readonly #loaders = new Map<string, () => string>();

  /** Adds a file whose text `load` reads when first asked for. */
  lazy(path: string, load: () => string): this {
    super.set(path, "");
    this.#loaders.set(path, load);
    return this;
  }

  /** Whether the file's text has not been read: the caller can trust it is as recorded without reading it. */
  isLazy(path: string): boolean {
    return this.#loaders.has(path);
  }

  override set(path: string, text: string): this {
    this.#loaders?.delete(path);
    return super.set(path, text);
  }

  override get(path: string): string | undefined {
    const load = this.#loaders.get(path);
    if (load !== undefined) this.set(path, load());
    return super.get(path);
  }

  override entries(): MapIterator<[string, string]> {
    const all = [...super.keys()].map((path): [string, string] => [path, this.get(path)!]);
    return all[Symbol.iterator]() as unknown as MapIterator<[string, string]>;
  }

  override values(): MapIterator<string> {
    const all = [...super.keys()].map((path) => this.get(path)!);
    return all[Symbol.iterator]() as unknown as MapIterator<string>;
  }

  override [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  override forEach(callback: (text: string, path: string, map: Map<string, string>) => void, thisArg?: unknown): void {
    for (const [path, text] of this.entries()) callback.call(thisArg, text, path, this);
  }
}
