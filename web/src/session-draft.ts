// A half-written form survives a trip to the agency's provider (sign-in again after a token
// expired, which reloads the page): its state is kept in this tab's sessionStorage until it is
// sent or the officer signs out. Nothing leaves the browser; the tab's storage dies with the tab.
import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';

const PREFIX = 'corridor.draft.';

export function useSessionDraft<T>(name: string, initial: () => T): [T, Dispatch<SetStateAction<T>>, () => void] {
  const key = PREFIX + name;
  const [value, setValue] = useState<T>(() => {
    const kept = sessionStorage.getItem(key);
    if (kept === null) return initial();
    try {
      return JSON.parse(kept) as T;
    } catch {
      return initial();
    }
  });
  useEffect(() => {
    sessionStorage.setItem(key, JSON.stringify(value));
  }, [key, value]);
  const discard = () => {
    sessionStorage.removeItem(key);
    setValue(initial());
  };
  return [value, setValue, discard];
}

export function clearDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
}
