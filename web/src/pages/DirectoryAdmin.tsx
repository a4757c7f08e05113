// Keeping the agency's own directory (administrators): what to re-verify first, every entry with
// its actions, a form for one entry, and bulk onboarding from CSV, which is applied whole or not
// at all. The agency's node checks the administrator role again for every change.
import { type DirectoryEntryDraft, directoryColumnOf } from '@corridor/proto';
import { useState } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { ContactCard } from '../components/ContactCard';
import { type EntryErrors, EntryForm } from '../components/EntryForm';
import { ErrorAlert, errorText } from '../components/ErrorAlert';
import { withContactFiles } from '../directory-entry';
import type { EntryFieldsFragment, ImportDirectoryCsvMutation } from '../gql/graphql';
import { dateText } from '../labels';
import {
  CreateEntryMutation,
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
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, runImport] = useMutation(ImportDirectoryMutation);
  const [outcome, setOutcome] = useState<ImportDirectoryCsvMutation['importDirectoryCsv'] | null>(null);
  return (
    <section className="import" aria-labelledby="import-head">
      <h3 id="import-head">Import from CSV</h3>
      <p className="muted">
        Every row is checked first; if any row has a problem, nothing is imported. A row with the id of an existing entry replaces it; a row
        without one creates a new entry. Export the directory below for a file with the right columns.
      </p>
      <label htmlFor="import-file">CSV file</label>
      <input
        id="import-file"
        type="file"
        accept=".csv,text/csv"
        data-testid="import-file"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          setOutcome(null);
          setFileName(file?.name ?? null);
          setCsv(file ? await file.text() : '');
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
        Check and import{fileName ? ` ${fileName}` : ''}
      </button>
      {result.error && <ErrorAlert error={result.error}>The import could not be sent</ErrorAlert>}
      {outcome?.applied && (
        <p className="success" role="status" data-testid="import-success">
          Imported: {outcome.created} new, {outcome.updated} updated.
        </p>
      )}
      {outcome && !outcome.applied && (
        <div className="error" role="alert" data-testid="import-failure">
          <p>Nothing was imported: {outcome.problems.length === 1 ? '1 problem' : `${outcome.problems.length} problems`} to fix first.</p>
          <table className="problems stacked">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {outcome.problems.map((p) => (
                <tr key={`${p.row}-${p.field}-${p.message}`} data-testid="import-problem" data-row={p.row} data-field={p.field}>
                  <td data-label="Row">{p.row}</td>
                  <td data-label="Column">{p.field || '—'}</td>
                  <td data-label="Problem">{p.message}</td>
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
  const [{ data, error, fetching }, refetch] = useQuery({ query: OwnDirectoryQuery, requestPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<Editing>(null);
  const [created, create] = useMutation(CreateEntryMutation);
  const [updated, update] = useMutation(UpdateEntryMutation);
  const [, verify] = useMutation(VerifyEntryMutation);
  const [, retire] = useMutation(RetireEntryMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const save = async (draft: DirectoryEntryDraft) => {
    const r = editing?.entry ? await update({ id: editing.entry.id, entry: draft }) : await create({ entry: draft });
    if (!r.error) {
      setNotice(editing?.entry ? `Saved ${draft.name}; marked verified today.` : `Created ${draft.name}.`);
      setEditing(null);
      reload();
    }
  };
  const saveError = errorsByColumn(editing?.entry ? updated.error : created.error);

  if (error && !data) return <ErrorAlert error={error}>The agency’s directory could not be read</ErrorAlert>;
  if (!data) return <p>{fetching ? 'Reading the agency’s directory…' : ''}</p>;
  const all = data.ownDirectory;
  const toVerify = data.directoryToVerify;

  if (editing)
    return (
      <section>
        <div className="page-head">
          <h1>{editing.entry ? `Edit ${editing.entry.name}` : 'New directory entry'}</h1>
        </div>
        {saveError.other && (
          <p className="error" role="alert">
            Not saved: {saveError.other}
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
        <h1>Keep the directory</h1>
        <button type="button" data-testid="entry-new" onClick={() => setEditing({})}>
          New entry
        </button>
        <button
          type="button"
          className="link"
          data-testid="own-export-csv"
          onClick={() => withContactFiles((f) => f.downloadCsv('directory.csv', all))}
        >
          Export all as CSV
        </button>
      </div>
      {notice && (
        <p className="success" role="status">
          {notice}
        </p>
      )}
      <section aria-labelledby="verify-head">
        <h3 id="verify-head">To re-verify ({toVerify.length})</h3>
        {toVerify.length === 0 ? (
          <p className="empty">Every entry was confirmed recently.</p>
        ) : (
          <ul className="verify-list" data-testid="to-verify">
            {toVerify.map((e) => (
              <li key={e.id} data-testid="to-verify-item" data-entry-id={e.id}>
                <strong>{e.name}</strong>{' '}
                <span className={e.stale ? 'stale-text' : 'muted'}>
                  {e.stale ? 'stale' : 'due soon'}: last verified {dateText(e.lastVerified)} ({daysSince(e.lastVerified)} days ago)
                </span>{' '}
                <button
                  type="button"
                  data-testid="entry-verify"
                  onClick={async () => {
                    const r = await verify({ id: e.id });
                    if (!r.error) {
                      setNotice(`${e.name} marked verified today.`);
                      reload();
                    }
                  }}
                >
                  Still correct
                </button>{' '}
                <button type="button" className="link" onClick={() => setEditing({ entry: e })}>
                  Edit
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
        <h3 id="all-head">All entries ({all.filter((e) => !e.retiredAt).length} live)</h3>
        <div className="cards">
          {all.map((e) => (
            <div key={e.id} className={e.retiredAt ? 'retired' : undefined} data-testid="own-entry" data-entry-id={e.id}>
              <ContactCard entry={e} agencyName={agencyName} />
              {e.retiredAt ? (
                <p className="muted">Retired {dateText(e.retiredAt)}: no longer found by searches.</p>
              ) : (
                <p className="entry-actions">
                  <button type="button" className="link" data-testid="entry-edit" onClick={() => setEditing({ entry: e })}>
                    Edit
                  </button>{' '}
                  <button
                    type="button"
                    className="link danger"
                    data-testid="entry-retire"
                    onClick={async () => {
                      if (!confirm(`Retire ${e.name}? Searches will no longer find this entry.`)) return;
                      const r = await retire({ id: e.id });
                      if (!r.error) {
                        setNotice(`${e.name} retired.`);
                        reload();
                      }
                    }}
                  >
                    Retire
                  </button>
                </p>
              )}
            </div>
          ))}
        </div>
      </section>
    </section>
  );
}
