/**
 * Where the index files come from: the extension package (src/background/index-source.ts), a directory on disk
 * (scripts/lib/dir-source.ts), or memory (tests). The engine only ever asks for files by name.
 */
export interface IndexSource {
  text(name: string): Promise<string>;
  bytes(name: string): Promise<Uint8Array>;
}

/** An IndexSource over files held in memory, e.g. straight from IndexBuilder.finish() in a test. */
export function memorySource(files: Map<string, Uint8Array | string>): IndexSource {
  const get = (name: string) => {
    const file = files.get(name);
    if (file === undefined) throw new Error(`index file ${name} is missing`);
    return file;
  };
  return {
    text: async (name) => {
      const file = get(name);
      return typeof file === 'string' ? file : new TextDecoder().decode(file);
    },
    bytes: async (name) => {
      const file = get(name);
      return typeof file === 'string' ? new TextEncoder().encode(file) : file;
    },
  };
}
