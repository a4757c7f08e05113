// The fields of a directory entry every contact card shows, spread by the directory's pages.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from '../gql';

export const EntryFieldsFragment = graphql(`
  fragment EntryFields on DirectoryEntry {
    id agency country kind name title roles competences networks postedIn covers routes languages notes
    lastVerified verifiedBy retiredAt spoc stale redacted
    availability { always timeZone hours { days from to } absences { from to note } }
    channels { type value label }
  }
`);
