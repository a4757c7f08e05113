// Saving the report the page shows: the same figures, as CSV for a spreadsheet or as JSON for
// a reporting tool, written by proto so that what is saved is what the node counted.

import { type StatisticsReport, statisticsToCsv, statisticsToJson } from '@corridor/proto';
import { download } from '../directory-entry';
import { useT } from '../i18n/I18nProvider';

function fileName(r: StatisticsReport, ext: string): string {
  const period = [r.period.from ?? 'start', r.period.to ?? r.generatedAt.slice(0, 7)].join('_');
  return `statistics-${r.agency}-${period}.${ext}`;
}

export function StatisticsExport({ report }: { report: StatisticsReport }) {
  const t = useT();
  return (
    <p>
      <button
        type="button"
        data-testid="stats-export-csv"
        onClick={() => download(fileName(report, 'csv'), statisticsToCsv(report), 'text/csv;charset=utf-8')}
      >
        {t('stats.exportCsv')}
      </button>{' '}
      <button
        type="button"
        data-testid="stats-export-json"
        onClick={() => download(fileName(report, 'json'), statisticsToJson(report), 'application/json')}
      >
        {t('stats.exportJson')}
      </button>
    </p>
  );
}
