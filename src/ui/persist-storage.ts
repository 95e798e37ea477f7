/**
 * Asks the browser to keep the extension's storage (the library) through storage pressure. Asked from a page
 * when the user turns "Remember what I read" on: StorageManager.persist() exists in windows only, not in the
 * background service worker. Where it is not granted the library still works; the browser may then evict it
 * under disk pressure, which library/status reports (persisted: false).
 */
export async function askPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
