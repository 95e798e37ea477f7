/**
 * A CollectionStore in memory with IndexedDB's one-write-or-nothing semantics, for the import's unit tests;
 * `failNextWrite` plays a full disk.
 */
import type { CorpusArticle } from '../lib/types';
import type { CollectionArticle, CollectionRecord, CollectionStore } from './collection-import';
import { LibraryWriteError } from './records';
import type { StoredSegment } from './segment';

export class MemoryCollections implements CollectionStore {
  records = new Map<number, CollectionRecord>();
  files = new Map<number, Blob>();
  articles_ = new Map<number, CollectionArticle>();
  segments_: { collection: number; stored: StoredSegment }[] = [];
  failNextWrite: string | null = null;
  private nextId = 1;
  private nextArticle = 1;

  private write(): void {
    const name = this.failNextWrite;
    if (name === null) return;
    this.failNextWrite = null;
    throw new LibraryWriteError(new DOMException('quota', name));
  }
  async collections() {
    return [...this.records.values()];
  }
  async collection(id: number) {
    return this.records.get(id) ?? null;
  }
  async stage(record: Omit<CollectionRecord, 'id'>, file: Blob) {
    this.write();
    const id = this.nextId++;
    this.records.set(id, { ...record, id });
    this.files.set(id, file);
    return id;
  }
  async file(id: number) {
    return this.files.get(id) ?? null;
  }
  async commitChunk(record: CollectionRecord, articles: CorpusArticle[], segmentFor: (ids: number[]) => StoredSegment) {
    this.write();
    const ids = articles.map(() => this.nextArticle++);
    const segment = segmentFor(ids);
    ids.forEach((id, i) => this.articles_.set(id, { id, collection: record.id, article: articles[i] }));
    this.segments_.push({ collection: record.id, stored: segment });
    this.records.set(record.id, record);
  }
  async finish(record: CollectionRecord) {
    this.write();
    this.records.set(record.id, record);
    this.files.delete(record.id);
  }
  async update(record: CollectionRecord) {
    this.write();
    this.records.set(record.id, record);
  }
  async remove(id: number) {
    this.write();
    this.records.delete(id);
    this.files.delete(id);
    for (const [key, a] of this.articles_) if (a.collection === id) this.articles_.delete(key);
    this.segments_ = this.segments_.filter((s) => s.collection !== id);
  }
  async articles(collection: number) {
    return [...this.articles_.values()].filter((a) => a.collection === collection);
  }
  async articlesByIds(ids: number[]) {
    return ids.flatMap((id) => (this.articles_.has(id) ? [this.articles_.get(id)!] : []));
  }
  async segments(collection: number) {
    return this.segments_.filter((s) => s.collection === collection).map((s) => s.stored);
  }
}
