// Shared text folding: one Latin-letter spelling for any script (any-ascii: maintained, small,
// no dependencies, the same table in the browser and at the node), upper case, no separators.
import anyAscii from 'any-ascii';

/** "Müller" → "MULLER", "Дмитрий" → "DMITRIY", "A0731 9842" → "A07319842". */
export const foldAlnum = (s: string): string =>
  anyAscii(s)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
