// The text of a spreadsheet file as people have them: a spreadsheet saves "CSV" in the encoding
// of its settings, and an administrator cannot be asked which. Decoded with the platform's
// TextDecoder (WHATWG Encoding, in browsers and Node alike), fatal on any byte sequence the
// encoding does not define, so a character is never replaced by a guess:
//   - UTF-8 with a byte-order mark (Excel's "CSV UTF-8"), UTF-16 LE or BE with one (LibreOffice's
//     and Excel's "Unicode text"): the mark says which;
//   - without a mark, UTF-8 when every byte sequence is UTF-8 (plain ASCII among them);
//   - otherwise Windows-1252 (Excel's "CSV" on Western European Windows), when the bytes read as
//     Latin text: bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are not characters there, and three or
//     more accented letters in a row are what another code page (Cyrillic Windows-1251, Central
//     European Windows-1250…) looks like read as Windows-1252. Those are refused: the bytes alone
//     cannot say which code page it was, and a wrong guess would store mojibake.
// A library that guesses encodings (jschardet, chardet) was weighed and left out: it returns a
// best guess with a confidence, where an import must either be sure or refuse; the four encodings
// spreadsheets write are told apart by their bytes.
//
// Text that is already mojibake (UTF-8 read once as Windows-1252 and saved again: "Ã©milie"), or
// holds U+FFFD where a program lost a character ("�milie"), is refused by `mojibakeIn` whatever the
// encoding, since it came that way from the program that saved it.

export type SpreadsheetEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type SpreadsheetText = { text: string; encoding: SpreadsheetEncoding } | { problem: string };

const SAVE_AS_UTF8 =
  'save it again as "CSV UTF-8 (comma delimited)" (Excel) or as CSV with the character set "Unicode (UTF-8)" (LibreOffice)';

function decode(bytes: Uint8Array, encoding: SpreadsheetEncoding): string | undefined {
  try {
    // ignoreBOM: the mark was read here already; a second one would be text.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Windows-1252 bytes that no character has: TextDecoder maps them to C1 controls instead of failing. */
const UNDEFINED_IN_1252 = /[\u0081\u008D\u008F\u0090\u009D]/;
/** Three accented letters in a row: rare in Western European words, usual in another code page read as 1252. */
const FOREIGN_CODE_PAGE = /[\u00C0-\u00FF]{3}/;

/**
 * Windows-1252's characters at 0x80–0x9F (WHATWG index), which Node 20's TextDecoder does not
 * apply (it decodes the label as Latin-1, leaving C1 controls); browsers do. Applied after decoding
 * so both read alike; the five bytes the code page lacks stay C1 controls, and are refused.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const fromC1 = (text: string) => text.replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);

/** The file's text, or why it is refused. */
export function readSpreadsheetText(bytes: Uint8Array): SpreadsheetText {
  const withMark = (encoding: SpreadsheetEncoding, skip: number): SpreadsheetText => {
    const text = decode(bytes.subarray(skip), encoding);
    return text === undefined
      ? {
          problem: `the file begins with the byte-order mark of ${encoding.toUpperCase()} but is not ${encoding.toUpperCase()} throughout: ${SAVE_AS_UTF8}`,
        }
      : { text, encoding };
  };
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return withMark('utf-8', 3);
  if (startsWith(bytes, 0xff, 0xfe)) return withMark('utf-16le', 2);
  if (startsWith(bytes, 0xfe, 0xff)) return withMark('utf-16be', 2);
  if (bytes.includes(0)) {
    return {
      problem: `the file holds NUL bytes, as UTF-16 without a byte-order mark does, which cannot be read for sure: ${SAVE_AS_UTF8}`,
    };
  }
  const utf8 = decode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const latin = fromC1(decode(bytes, 'windows-1252') ?? '');
  if (UNDEFINED_IN_1252.test(latin) || FOREIGN_CODE_PAGE.test(latin)) {
    return {
      problem: `the file is neither UTF-8 nor Western European text (Windows-1252), and its encoding cannot be told for sure: ${SAVE_AS_UTF8}`,
    };
  }
  return { text: latin, encoding: 'windows-1252' };
}

/**
 * The first sign that text was garbled before it reached us, quoted, or undefined: U+FFFD (a
 * character a program could not read), or UTF-8 bytes read as Windows-1252 or Latin-1 ("Ã©" for
 * "é", "â€™" for "’").
 */
export function mojibakeIn(text: string): string | undefined {
  return /\uFFFD|[\u00C2\u00C3][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]|\u00E2\u20AC[\u0080-\u00BF\u2122\u0153\u0161\u017E\u0178\u02DC\u201C\u201D\u2019\u2018\u2013\u2014\u00A6\u00A2\u00A0\u00B9\u00BA\u00B0\u00A1\u00A9]/.exec(
    text,
  )?.[0];
}
