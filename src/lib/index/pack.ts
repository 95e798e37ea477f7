/**
 * The binary container of the shipped index: named typed arrays laid end to end (each 8-byte aligned) in one
 * logical byte string, cut into part files of at most `maxPartBytes` (Firefox refuses package files of 5 MiB or
 * more). Loading is: read the parts, copy them into one ArrayBuffer, make typed-array views. No parsing, no
 * per-entry objects, so a cold start costs little more than the file reads.
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
  /** Byte offset within the whole pack. */
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

  /** Lay the sections out and cut the result into parts named `${prefix}-0.bin`, `${prefix}-1.bin`, … */
  finish(prefix: string, maxPartBytes: number): { layout: PackLayout; parts: Uint8Array[] } {
    const sections: PackSection[] = [];
    let offset = 0;
    for (const { name, array } of this.entries) {
      offset = align8(offset);
      sections.push({ name, type: typeOf(array), offset, length: array.length });
      offset += array.byteLength;
    }
    const totalBytes = offset;
    const whole = new Uint8Array(totalBytes);
    this.entries.forEach(({ array }, i) => {
      whole.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), sections[i].offset);
    });
    const parts: Uint8Array[] = [];
    for (let from = 0; from < totalBytes || parts.length === 0; from += maxPartBytes) {
      parts.push(whole.subarray(from, Math.min(totalBytes, from + maxPartBytes)));
    }
    return { layout: { parts: parts.map((_, i) => `${prefix}-${i}.bin`), totalBytes, sections }, parts };
  }
}

const align8 = (n: number) => (n + 7) & ~7;

export class PackSections {
  constructor(
    private readonly buffer: ArrayBuffer,
    private readonly byName: Map<string, PackSection>,
  ) {}

  has(name: string): boolean {
    return this.byName.has(name);
  }

  private view<T extends SectionType>(name: string, type: T): InstanceType<(typeof ctor)[T]> {
    const section = this.byName.get(name);
    if (!section) throw new Error(`index section ${name} is missing`);
    if (section.type !== type) throw new Error(`index section ${name} is ${section.type}, expected ${type}`);
    return new ctor[type](this.buffer, section.offset, section.length) as InstanceType<(typeof ctor)[T]>;
  }

  u8 = (name: string) => this.view(name, 'u8');
  u16 = (name: string) => this.view(name, 'u16');
  u32 = (name: string) => this.view(name, 'u32');
  i32 = (name: string) => this.view(name, 'i32');
  f32 = (name: string) => this.view(name, 'f32');
  f64 = (name: string) => this.view(name, 'f64');
}

/** Join the part files (in layout order) and view the sections. Throws when the parts don't add up. */
export function openPack(layout: PackLayout, parts: Uint8Array[]): PackSections {
  const got = parts.reduce((sum, p) => sum + p.byteLength, 0);
  if (parts.length !== layout.parts.length || got !== layout.totalBytes) {
    throw new Error(`index pack has ${got} bytes in ${parts.length} parts, expected ${layout.totalBytes} in ${layout.parts.length}`);
  }
  const buffer = new ArrayBuffer(align8(layout.totalBytes));
  const whole = new Uint8Array(buffer);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.byteLength;
  }
  return new PackSections(buffer, new Map(layout.sections.map((s) => [s.name, s])));
}
