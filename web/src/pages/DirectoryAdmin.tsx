// Keeping the agency's own directory (administrators): what to re-verify first, every entry with
// its actions, a form for one entry, and bulk onboarding from CSV, which is applied whole or not
// at all. The agency's node checks the administrator role again for every change.
import { type DirectoryEntryDraft, directoryColumnOf, readSpreadsheetText } from '@corridor/proto';
import { useState } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { ContactCard } from '../components/ContactCard';
import { type EntryErrors, EntryForm } from '../components/EntryForm';
import { ErrorAlert, errorText } from '../components/ErrorAlert';
import { withContactFiles } from '../directory-entry';
import type { EntryFieldsFragment, ImportDirectoryCsvMutation } from '../gql/graphql';
import { useT } from '../i18n/I18nProvider';
import { dateText } from '../labels';
import {
  CreateEntryMutation,
  DesignateSpocMutation,
  ImportDirectoryMutation,
  OwnDirectoryQuery,
  RetireEntryMutation,
  UpdateEntryMutation,
  VerifyEntryMutation,
} from './DirectoryAdmin.documents';

type Editing = { entry?: EntryFieldsFragment } | null;

/** The node's VALIDATION_FAILED field errors, by the form's fields (CSV columns). */
function errorsByColumn(error: CombinedError | undefined): { byColumn: EntryErrors; other: string | null } {
  const e = error?.graphQLErrors[0];
  const fields = e?.extensions?.fieldErrors as { path: string; message: string }[] | undefined;
  if (!fields) return { byColumn: {}, other: error ? errorText(error) : null };
  const byColumn: EntryErrors = {};
  for (const f of fields) {
    const c = directoryColumnOf(f.path) || 'name';
    byColumn[c] = [...(byColumn[c] ?? []), f.message];
  }
  return { byColumn, other: null };
}

function daysSince(date: string): number {
  return Math.floor((Date.now() - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
}

function ImportBox({ onImported }: { onImported: () => void }) {
  const t = useT();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, runImport] = useMutation(ImportDirectoryMutation);
  const [outcome, setOutcome] = useState<ImportDirectoryCsvMutation['importDirectoryCsv'] | null>(null);
  return (
    <section className="import" aria-labelledby="import-head">
      <h3 id="import-head">{t('admin.importTitle')}</h3>
      <p className="muted">{t('admin.importIntro')}</p>
      <label htmlFor="import-file">{t('admin.csvFile')}</label>
      <input
        id="import-file"
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        data-testid="import-file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          setOutcome(null);
          setFileName(file?.name ?? null);
          setCsv('');
          if (!file) return;
          // The bytes, not file.text(): that would read a Windows-1252 or UTF-16 file as UTF-8 and garble it.
          const read = readSpreadsheetText(new Uint8Array(await file.arrayBuffer()));
          if ('problem' in read)
            setOutcome({ applied: false, created: 0, updated: 0, unchanged: 0, problems: [{ row: 1, field: '', message: read.problem }] });
          else setCsv(read.text);
        }}
      />
      <button
        type="button"
        data-testid="import-submit"
        disabled={!csv || result.fetching}
        onClick={async () => {
          const r = await runImport({ csv });
          if (r.data) {
            setOutcome(r.data.importDirectoryCsv);
            if (r.data.importDirectoryCsv.applied) onImported();
          }
        }}
      >
        {fileName ? t('admin.checkAndImportFile', { file: fileName }) : t('admin.checkAndImport')}
      </button>
      {result.error && <ErrorAlert error={result.error}>{t('admin.importNotSent')}</ErrorAlert>}
      {outcome?.applied && (
        <p className="success" role="status" data-testid="import-success">
          {t('admin.imported', { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged })}
        </p>
      )}
      {outcome && !outcome.applied && (
        <div className="error" role="alert" data-testid="import-failure">
          <p>{t('admin.nothingImported', { count: outcome.problems.length })}</p>
          <table className="problems stacked">
            <thead>
              <tr>
                <th scope="col">{t('admin.row')}</th>
                <th scope="col">{t('admin.column')}</th>
                <th scope="col">{t('ndjson.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.problems.map((p) => (
                <tr key={`${p.row}-${p.field}-${p.message}`} data-testid="import-problem" data-row={p.row} data-field={p.field}>
                  <td data-label={t('admin.row')}>{p.row}</td>
                  <td data-label={t('admin.column')}>{p.field || '—'}</td>
                  <td data-label={t('ndjson.problem')}>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DirectoryAdmin({ agencyName }: { agencyName: (id: string) => string }) {
  const t = useT();
  const [{ data, error, fetching }, refetch] = useQuery({ query: OwnDirectoryQuery, requestPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<Editing>(null);
  const [created, create] = useMutation(CreateEntryMutation);
  const [updated, update] = useMutation(UpdateEntryMutation);
  const [, verify] = useMutation(VerifyEntryMutation);
  const [, retire] = useMutation(RetireEntryMutation);
  const [designation, designate] = useMutation(DesignateSpocMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const save = async (draft: DirectoryEntryDraft) => {
    const r = editing?.entry ? await update({ id: editing.entry.id, entry: draft }) : await create({ entry: draft });
    if (!r.error) {
      setNotice(editing?.entry ? t('admin.saved', { name: draft.name }) : t('admin.created', { name: draft.name }));
      setEditing(null);
      reload();
    }
  };
  const saveError = errorsByColumn(editing?.entry ? updated.error : created.error);

  if (error && !data) return <ErrorAlert error={error}>{t('admin.failed')}</ErrorAlert>;
  if (!data) return <p>{fetching ? t('admin.reading') : ''}</p>;
  const all = data.ownDirectory;
  const toVerify = data.directoryToVerify;

  if (editing)
    return (
      <section>
        <div className="page-head">
          <h1>{editing.entry ? t('entry.edit', { name: editing.entry.name }) : t('entry.new')}</h1>
        </div>
        {saveError.other && (
          <p className="error" role="alert">
            {t('admin.notSaved', { reason: saveError.other })}
          </p>
        )}
        <EntryForm
          {...(editing.entry ? { entry: editing.entry } : {})}
          busy={created.fetching || updated.fetching}
          serverErrors={saveError.byColumn}
          onSubmit={save}
          onCancel={() => setEditing(null)}
        />
      </section>
    );

  return (
    <section>
      <div className="page-head">
        <h1>{t('admin.title')}</h1>
        <button type="button" data-testid="entry-new" onClick={() => setEditing({})}>
          {t('admin.newEntry')}
        </button>
        <button
          type="button"
          className="link"
          data-testid="own-export-csv"
          onClick={() => withContactFiles((f) => f.downloadCsv('directory.csv', all))}
        >
          {t('admin.exportAll')}
        </button>
      </div>
      {notice && (
        <p className="success" role="status">
          {notice}
        </p>
      )}
      <section aria-labelledby="verify-head">
        <h3 id="verify-head">{t('admin.toVerify', { count: toVerify.length })}</h3>
        {toVerify.length === 0 ? (
          <p className="empty">{t('admin.allConfirmed')}</p>
        ) : (
          <ul className="verify-list" data-testid="to-verify">
            {toVerify.map((e) => (
              <li key={e.id} data-testid="to-verify-item" data-entry-id={e.id}>
                <strong>{e.name}</strong>{' '}
                <span className={e.stale ? 'stale-text' : 'muted'}>
                  {t(e.stale ? 'admin.staleSince' : 'admin.dueSoonSince', {
                    date: dateText(e.lastVerified),
                    days: daysSince(e.lastVerified),
                  })}
                </span>{' '}
                <button
                  type="button"
                  data-testid="entry-verify"
                  onClick={async () => {
                    const r = await verify({ id: e.id });
                    if (!r.error) {
                      setNotice(t('admin.markedVerified', { name: e.name }));
                      reload();
                    }
                  }}
                >
                  {t('admin.stillCorrect')}
                </button>{' '}
                <button type="button" className="link" onClick={() => setEditing({ entry: e })}>
                  {t('admin.edit')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ImportBox
        onImported={() => {
          setNotice(null);
          reload();
        }}
      />
      <section aria-labelledby="all-head">
        <h3 id="all-head">{t('admin.allEntries', { count: all.filter((e) => !e.retiredAt).length })}</h3>
        {designation.error && <ErrorAlert error={designation.error}>{t('admin.spocNotDesignated')}</ErrorAlert>}
        <div className="cards">
          {all.map((e) => (
            <div key={e.id} className={e.retiredAt ? 'retired' : undefined} data-testid="own-entry" data-entry-id={e.id}>
              <ContactCard entry={e} agencyName={agencyName} />
              {e.retiredAt ? (
                <p className="muted">{t('admin.retiredOn', { date: dateText(e.retiredAt) })}</p>
              ) : (
                <p className="entry-actions">
                  <button type="button" className="link" data-testid="entry-edit" onClick={() => setEditing({ entry: e })}>
                    {t('admin.edit')}
                  </button>{' '}
                  <button
                    type="button"
                    className="link danger"
                    data-testid="entry-retire"
                    onClick={async () => {
                      if (!confirm(t('admin.retireConfirm', { name: e.name }))) return;
                      const r = await retire({ id: e.id });
                      if (!r.error) {
                        setNotice(t('admin.retired', { name: e.name }));
                        reload();
                      }
                    }}
                  >
                    {t('admin.retire')}
                  </button>
                  {e.availability.always && !e.spoc && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="link"
                        data-testid="entry-designate-spoc"
                        disabled={designation.fetching}
                        onClick={async () => {
                          const r = await designate({ entryId: e.id });
                          if (!r.error) {
                            setNotice(t('admin.spocDesignated', { name: e.name }));
                            reload();
                          }
                        }}
                      >
                        {t('admin.designateSpoc')}
                      </button>
                    </>
                  )}
                </p>
              )}
            </div>
          ))}
        </div>
      </section>
    </section>
  );
}
