/**
 * The one LibraryEngine over the bundled index (src/library/library.ts libraryEngineOf): the reads, the
 * collections and their imports share it, so a page asked about by both is analysed once.
 */
import type { SilaIndex } from '../lib/engine';
import { libraryEngineOf, type LibraryEngine } from '../library/library';
import { engine } from './engine';

let shared: { index: SilaIndex; engine: LibraryEngine } | null = null;

export async function libraryEngine(): Promise<LibraryEngine> {
  const index = await engine();
  if (shared?.index !== index) shared = { index, engine: libraryEngineOf(index) };
  return shared.engine;
}
