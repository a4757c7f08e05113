// The console's statistics operation (issue 7, item 4), typed from the gateway's schema by codegen.
// The page turns the answer back into proto's statisticsReport (reportFromAnswer) and parses it.
import { graphql } from '../gql';

graphql(`
  fragment StatisticsFigureFields on StatisticsFigure {
    by { direction kind region requestType status flag country month }
    count suppressed medianDays
  }
`);

export const StatisticsQuery = graphql(`
  query Statistics($from: String, $to: String) {
    statistics(from: $from, to: $to) {
      format agency generatedAt threshold notes
      period { from to }
      tables {
        name dimensions
        rows { ...StatisticsFigureFields }
        totals { ...StatisticsFigureFields }
      }
    }
  }
`);
