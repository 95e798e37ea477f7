/**
 * A LibraryStore in memory with IndexedDB's transaction semantics (a failed change changes nothing), for the
 * library's unit tests; `failNextWrite` plays a full disk.
 */
import { LibraryWriteError, recordOf, type NewRead, type ReadRecord } from './records';
import type { StoredSegment } from './segment';
import type { LibraryStore, SegmentEntry } from './store';

export class MemoryStore implements LibraryStore {
  reads_ = new Map<number, ReadRecord>();
  texts_ = new Map<number, string>();
  segments_ = new Map<number, StoredSegment>();
  private nextId = 1;
  private nextKey = 1;
  failNextWrite: string | null = null;

  private write(): void {
    const name = this.failNextWrite;
    if (name === null) return;
    this.failNextWrite = null;
    throw new LibraryWriteError(new DOMException('quota', name));
  }

  async idOfUrl(url: string) {
    for (const r of this.reads_.values()) if (r.url === url) return r.id;
    return null;
  }
  async idsOfUrls(urls: string[]) {
    const ids = await Promise.all(urls.map((url) => this.idOfUrl(url)));
    return ids.filter((id): id is number => id !== null);
  }
  async touch(id: number, readAt: number) {
    this.write();
    const r = this.reads_.get(id);
    if (r) this.reads_.set(id, { ...r, readAt });
  }
  async addRead(read: NewRead, segmentFor: (id: number) => StoredSegment) {
    this.write();
    const id = this.nextId++;
    this.reads_.set(id, { id, ...recordOf(read) });
    this.texts_.set(id, read.text);
    this.segments_.set(this.nextKey++, segmentFor(id));
    return id;
  }
  async readIds() {
    return [...this.reads_.keys()];
  }
  async reads(ids: number[]) {
    return ids.flatMap((id) => (this.reads_.has(id) ? [this.reads_.get(id)!] : []));
  }
  async allReads() {
    return [...this.reads_.values()];
  }
  async texts(ids: number[]) {
    return new Map(ids.flatMap((id) => (this.texts_.has(id) ? [[id, this.texts_.get(id)!] as const] : [])));
  }
  async segments(): Promise<SegmentEntry[]> {
    return [...this.segments_].map(([key, stored]) => ({ key, stored }));
  }
  async segmentsAndReadIds() {
    return { segments: await this.segments(), readIds: await this.readIds() };
  }
  async replaceSegments(remove: number[], add: StoredSegment | null) {
    this.write();
    for (const key of remove) this.segments_.delete(key);
    if (add) this.segments_.set(this.nextKey++, add);
  }
  async destroy() {
    this.reads_.clear();
    this.texts_.clear();
    this.segments_.clear();
  }
}
