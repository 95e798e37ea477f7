/**
 * The binary container of the shipped index: named typed arrays placed in part files of at most `maxPartBytes`
 * (Firefox refuses package files of 5 MiB or more), each section whole within one part and 8-byte aligned.
 * Loading is: read the parts, make typed-array views where the sections lie. No copy, no parsing, no per-entry
 * objects, so a cold start costs little more than the file reads.
 *
 * @example
 * const w = new PackWriter();
 * w.add('df', new Uint32Array([3, 1]));
 * const { layout, parts } = w.finish('related-v1', 3 << 20);
 * const sections = openPack(layout, parts); // sections.u32('df') → Uint32Array [3, 1]
 */

export type SectionType = 'u8' | 'u16' | 'u32' | 'i32' | 'f32' | 'f64';

export interface PackSection {
  name: string;
  type: SectionType;
  /** Part file holding the whole section (sections never straddle parts, so each is viewed where it lies). */
  part: number;
  /** Byte offset within that part (8-aligned). */
  offset: number;
  /** Number of elements. */
  length: number;
}

export interface PackLayout {
  /** Part file names, in order. */
  parts: string[];
  totalBytes: number;
  sections: PackSection[];
}

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

const ctor = {
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;

function typeOf(array: Typed): SectionType {
  if (array instanceof Uint8Array) return 'u8';
  if (array instanceof Uint16Array) return 'u16';
  if (array instanceof Uint32Array) return 'u32';
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Float32Array) return 'f32';
  return 'f64';
}

export class PackWriter {
  private entries: { name: string; array: Typed }[] = [];

  add(name: string, array: Typed): this {
    if (this.entries.some((e) => e.name === name)) throw new Error(`pack section ${name} added twice`);
    this.entries.push({ name, array });
    return this;
  }

  /**
   * Lay the sections out in parts named `${prefix}-0.bin`, `${prefix}-1.bin`, …: in order, a new part whenever
   * the next section would not fit. A section larger than `maxPartBytes` is an error (split it into chunks).
   */
  finish(prefix: string, maxPartBytes: number): { layout: PackLayout; parts: Uint8Array[] } {
    const sections: PackSection[] = [];
    const sizes: number[] = [0];
    for (const { name, array } of this.entries) {
      let part = sizes.length - 1;
      let offset = align8(sizes[part]);
      if (offset + array.byteLength > maxPartBytes && sizes[part] > 0) {
        sizes.push(0);
        part++;
        offset = 0;
      }
      sections.push({ name, type: typeOf(array), part, offset, length: array.length });
      // A section larger than a part (avoid: it is copied at load) runs on through whole parts.
      let left = offset + array.byteLength;
      while (left > maxPartBytes) {
        sizes[sizes.length - 1] = maxPartBytes;
        sizes.push(0);
        left -= maxPartBytes;
      }
      sizes[sizes.length - 1] = left;
    }
    const parts = sizes.map((size) => new Uint8Array(size));
    this.entries.forEach(({ array }, i) => {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      let part = sections[i].part;
      let offset = sections[i].offset;
      for (let from = 0; from < bytes.length; ) {
        const n = Math.min(bytes.length - from, parts[part].length - offset);
        parts[part].set(bytes.subarray(from, from + n), offset);
        from += n;
        part++;
        offset = 0;
      }
    });
    const totalBytes = sizes.reduce((a, b) => a + b, 0);
    return { layout: { parts: parts.map((_, i) => `${prefix}-${i}.bin`), totalBytes, sections }, parts };
  }
}

const align8 = (n: number) => (n + 7) & ~7;

export class PackSections {
  constructor(
    private readonly parts: Uint8Array[],
    private readonly byName: Map<string, PackSection>,
  ) {}

  has(name: string): boolean {
    return this.byName.has(name);
  }

  private view<T extends SectionType>(name: string, type: T): InstanceType<(typeof ctor)[T]> {
    const section = this.byName.get(name);
    if (!section) throw new Error(`index section ${name} is missing`);
    if (section.type !== type) throw new Error(`index section ${name} is ${section.type}, expected ${type}`);
    const part = this.parts[section.part];
    const bytes = section.length * ctor[type].BYTES_PER_ELEMENT;
    if (section.offset + bytes <= part.byteLength) {
      return new ctor[type](part.buffer as ArrayBuffer, part.byteOffset + section.offset, section.length) as InstanceType<(typeof ctor)[T]>;
    }
    // A section that runs on through further parts: joined once.
    const joined = new Uint8Array(bytes);
    let at = 0;
    for (let p = section.part, offset = section.offset; at < bytes; p++, offset = 0) {
      const piece = this.parts[p].subarray(offset, offset + (bytes - at));
      joined.set(piece, at);
      at += piece.length;
    }
    return new ctor[type](joined.buffer, 0, section.length) as InstanceType<(typeof ctor)[T]>;
  }

  u8 = (name: string) => this.view(name, 'u8');
  u16 = (name: string) => this.view(name, 'u16');
  u32 = (name: string) => this.view(name, 'u32');
  i32 = (name: string) => this.view(name, 'i32');
  f32 = (name: string) => this.view(name, 'f32');
  f64 = (name: string) => this.view(name, 'f64');
}

/**
 * View the sections where they lie in the part files (in layout order): no copy, unless a part's bytes are not
 * 8-aligned in memory (then that part alone is copied). Throws when the parts don't add up.
 */
export function openPack(layout: PackLayout, parts: Uint8Array[]): PackSections {
  const got = parts.reduce((sum, p) => sum + p.byteLength, 0);
  if (parts.length !== layout.parts.length || got !== layout.totalBytes) {
    throw new Error(`index pack has ${got} bytes in ${parts.length} parts, expected ${layout.totalBytes} in ${layout.parts.length}`);
  }
  const aligned = parts.map((p) => (p.byteOffset % 8 === 0 ? p : p.slice()));
  return new PackSections(aligned, new Map(layout.sections.map((s) => [s.name, s])));
}
