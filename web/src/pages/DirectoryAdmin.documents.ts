// Keeping the agency's own directory.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from '../gql';

export const OwnDirectoryQuery = graphql(
  `query OwnDirectory { ownDirectory(includeRetired: true) { ...EntryFields } directoryToVerify { ...EntryFields } }`,
);

export const CreateEntryMutation = graphql(
  `mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { ...EntryFields } }`,
);

export const UpdateEntryMutation = graphql(
  `mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) { updateDirectoryEntry(id: $id, entry: $entry) { ...EntryFields } }`,
);

export const VerifyEntryMutation = graphql(`mutation VerifyDirectoryEntry($id: ID!) { verifyDirectoryEntry(id: $id) { ...EntryFields } }`);

export const RetireEntryMutation = graphql(`mutation RetireDirectoryEntry($id: ID!) { retireDirectoryEntry(id: $id) { ...EntryFields } }`);

export const DesignateSpocMutation = graphql(
  `mutation DesignateSinglePointOfContact($entryId: ID!) { designateSinglePointOfContact(entryId: $entryId) { ...EntryFields } }`,
);

export const ImportDirectoryMutation = graphql(
  `mutation ImportDirectoryCsv($csv: String!) { importDirectoryCsv(csv: $csv) { applied created updated unchanged problems { row field message } } }`,
);
