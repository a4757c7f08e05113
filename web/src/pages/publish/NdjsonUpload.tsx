// Publishing a file of alerts (NDJSON: one alert, as publishAlert takes it, a line) in batches of
// at most 1,000, as the command-line tool does (proto alert-batch `uploadNdjson`, shared by both):
// a progress bar, each batch's outcome, and the lines of the first refused batch with what is
// wrong. The upload stops there; once the file is fixed it is resumed from that batch's first line.
import { type LineRefusal, MAX_ALERTS_PER_BATCH, type UploadProgress, uploadNdjson } from '@corridor/proto';
import { useState } from 'react';
import { useMutation } from 'urql';
import type { PublishAlertsMutationVariables } from '../../gql/graphql';
import { useT } from '../../i18n/I18nProvider';
import { PublishAlertsMutation } from '../Publish.documents';

interface BatchOutcome {
  lines: [number, number];
  published: boolean;
}

export function NdjsonUpload() {
  const t = useT();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fromLine, setFromLine] = useState(1);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [batches, setBatches] = useState<BatchOutcome[]>([]);
  const [refused, setRefused] = useState<{ lines: [number, number]; reasons: LineRefusal[] } | null>(null);
  const [finished, setFinished] = useState<number | null>(null);
  // Alerts the node saved but could not send yet (too few key holders answered): it sends them itself.
  const [held, setHeld] = useState(0);
  const [, publishBatch] = useMutation(PublishAlertsMutation);

  async function upload() {
    if (!file) return;
    setRunning(true);
    setBatches([]);
    setRefused(null);
    setFinished(null);
    setHeld(0);
    setProgress(null);
    let heldNow = 0;
    const result = await uploadNdjson(
      file.text,
      async (inputs) => {
        // Each batch is its own request: the node answers all of it or none.
        // The lines are checked by the node, item by item; here they are only JSON objects.
        const r = await publishBatch({ inputs: inputs as PublishAlertsMutationVariables['inputs'] });
        const ids = r.data?.publishAlerts?.map((a) => a.id);
        heldNow += r.data?.publishAlerts?.filter((a) => a.heldBecause).length ?? 0;
        if (ids && !r.error) return { ids };
        const errors = r.error?.graphQLErrors.length
          ? r.error.graphQLErrors.map((g) => ({ message: g.message, extensions: g.extensions }))
          : [{ message: r.error?.message ?? 'no answer from the gateway' }];
        return { errors };
      },
      {
        fromLine,
        onProgress: (p) => {
          setProgress(p);
          setBatches((b) => [...b, { lines: p.lines, published: true }]);
        },
      },
    );
    if (result.refused) {
      const r = result.refused;
      setRefused(r);
      setBatches((b) => [...b, { lines: r.lines, published: false }]);
      setFromLine(r.lines[0]);
    } else setFinished(result.published.length);
    setHeld(heldNow);
    setRunning(false);
  }

  return (
    <section className="import ndjson" aria-labelledby="ndjson-head">
      <h3 id="ndjson-head">{t('ndjson.title')}</h3>
      <p className="muted">{t('ndjson.intro', { batch: MAX_ALERTS_PER_BATCH })}</p>
      <label htmlFor="ndjson-file">{t('ndjson.file')}</label>
      <input
        id="ndjson-file"
        type="file"
        accept=".ndjson,.jsonl,application/x-ndjson,application/json,text/plain"
        data-testid="ndjson-file"
        onChange={async (e) => {
          const chosen = e.target.files?.[0];
          setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
          setFinished(null);
        }}
      />
      <label htmlFor="ndjson-from-line">{t('ndjson.fromLine')}</label>
      <input
        id="ndjson-from-line"
        type="number"
        min={1}
        value={fromLine}
        data-testid="ndjson-from-line"
        onChange={(e) => setFromLine(Math.max(1, Number(e.target.value) || 1))}
      />
      <button type="button" data-testid="ndjson-submit" disabled={!file || running} onClick={upload}>
        {file ? t('ndjson.uploadFile', { file: file.name }) : t('ndjson.upload')}
      </button>
      {progress && (
        <p>
          <progress data-testid="ndjson-progress" max={progress.total} value={progress.done} aria-label={t('ndjson.progressLabel')} />{' '}
          {t('ndjson.progress', { done: progress.done, total: progress.total })}
        </p>
      )}
      {batches.length > 0 && (
        <ul className="batches" aria-label={t('ndjson.batches')}>
          {batches.map((b) => (
            <li key={b.lines[0]} data-testid="ndjson-batch" data-first-line={b.lines[0]} data-published={b.published}>
              {t(b.published ? 'ndjson.batchPublished' : 'ndjson.batchRefused', { from: b.lines[0], to: b.lines[1] })}
            </li>
          ))}
        </ul>
      )}
      {finished !== null && (
        <p className="success" role="status" data-testid="ndjson-success">
          {t('ndjson.published', { count: finished })}
        </p>
      )}
      {held > 0 && (
        <p className="warning" role="status" data-testid="ndjson-held">
          {t('ndjson.held', { count: held })}
        </p>
      )}
      {refused && (
        <div className="error" role="alert" data-testid="ndjson-failure">
          <p>{t('ndjson.refused', { from: refused.lines[0], to: refused.lines[1] })}</p>
          <table className="problems">
            <thead>
              <tr>
                <th scope="col">{t('ndjson.line')}</th>
                <th scope="col">{t('ndjson.field')}</th>
                <th scope="col">{t('ndjson.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {refused.reasons.map((r) => (
                <tr key={`${r.line}-${r.path}-${r.message}`} data-testid="ndjson-problem" data-line={r.line ?? ''} data-field={r.path}>
                  <td>{r.line ?? '—'}</td>
                  <td>{r.path || '—'}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
