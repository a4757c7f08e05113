// The console's purge report operation (issue 17, item 4), typed from the gateway's schema by codegen.
import { graphql } from '../gql';

export const PurgeReportQuery = graphql(`
  query PurgeReport($from: String, $to: String) {
    purgeReport(from: $from, to: $to) {
      from to retentionVersion truncated
      periods { kind period }
      counts { kind count }
      items { kind itemId originAgency own lapsedAt purgedAt rule hash }
    }
  }
`);
