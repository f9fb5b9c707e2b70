import type { Remembered } from './tripForm';

// The browser remembers the last gate, vehicle, driver and habits of the person declaring, so
// the next declaration starts filled in. Nothing here is trusted: the server checks everything.

const KEY = 'cks.trips.remembered';

export function loadRemembered(): Remembered {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Remembered) : {};
  } catch {
    return {};
  }
}

export function saveRemembered(r: Remembered) {
  try {
    localStorage.setItem(KEY, JSON.stringify(r));
  } catch {
    // Private browsing or a full storage: remembering is a convenience only.
  }
}
