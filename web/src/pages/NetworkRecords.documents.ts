// The networks and liaison posts the signed membership records (issue 17 item 7).
import { graphql } from '../gql';

export const NetworkRecordsQuery = graphql(`
  query NetworkRecords {
    networkRecords {
      id
      name
      members { id name country }
      secretariat { agency { id name } entry }
      focalPoints { agency { id name } entry }
    }
    liaisonPosts {
      id
      sendingAgency { id name }
      hostAgency { id name }
      hostCountry
      legalBasis
      routes
      officers
    }
  }
`);
