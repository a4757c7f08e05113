// "Import STIX or MISP file": a local file read as a draft of this page's form (web/src/import/),
// never sent anywhere by itself. The page replaces its draft with the file's; this control says
// what the draft came from and lists, with where they are in the file, the parts it did not take.
import { useState } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { type ImportedDraft, ImportFileError, type NotTaken } from '../../import/draft';
import { readExchangeFile } from '../../import/read-exchange-file';

/** What the page shows of the last file opened, until the alert is published. */
export interface ImportedFile {
  name: string;
  format: ImportedDraft['format'];
  notTaken: NotTaken[];
}

export function ImportExchangeFile({
  imported,
  onImport,
}: {
  imported: ImportedFile | null;
  onImport: (draft: ImportedDraft, name: string) => void;
}) {
  const t = useT();
  const [failure, setFailure] = useState<ImportFileError | null>(null);

  async function open(file: File) {
    setFailure(null);
    try {
      onImport(readExchangeFile(await file.text()), file.name);
    } catch (e) {
      if (!(e instanceof ImportFileError)) throw e;
      setFailure(e);
    }
  }

  return (
    <section className="import exchange-import" aria-labelledby="exchange-import-head">
      <h2 id="exchange-import-head">{t('import.title')}</h2>
      <p className="muted">{t('import.intro')}</p>
      <label htmlFor="exchange-import-file">{t('import.file')}</label>
      <input
        id="exchange-import-file"
        type="file"
        accept=".json,application/json,application/stix+json"
        data-testid="import-file"
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (chosen) void open(chosen);
          // The same file may be opened again after the officer changed the draft.
          e.target.value = '';
        }}
      />
      {failure && (
        <p className="error" role="alert" data-testid="import-error" data-problem={failure.problem} data-field={failure.field}>
          {failure.field
            ? t('import.refusedAt', { field: failure.field, problem: t(`import.problem.${failure.problem}`) })
            : t('import.refused', { problem: t(`import.problem.${failure.problem}`) })}
        </p>
      )}
      {imported && !failure && (
        <>
          <p className="success" role="status" data-testid="import-filled">
            {t('import.filled', { file: imported.name, format: t(`import.format.${imported.format}`) })}
          </p>
          {imported.notTaken.length > 0 && (
            <details open className="not-taken">
              <summary>{t('import.notTakenTitle', { count: imported.notTaken.length })}</summary>
              <p className="muted">{t('import.notTakenIntro')}</p>
              <ul data-testid="import-not-taken">
                {imported.notTaken.map((n, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
                  <li key={i} data-testid="import-not-taken-item" data-at={n.at} data-reason={n.reason}>
                    <code dir="ltr">{n.at}</code> {t(`import.notTaken.${n.reason}`, { what: n.what })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
