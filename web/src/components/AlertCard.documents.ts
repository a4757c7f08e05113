// The fields of an alert every card shows, spread by the pages that list alerts.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from '../gql';

export const AlertFieldsFragment = graphql(`
  fragment AlertFields on Alert {
    id
    kind
    tlp
    recipients
    createdAt
    validUntil
    summary
    summaryLanguage
    revision
    status
    changes
    withdrawalReason
    routeDetails {
      transport
      concealment
      communicationPlatforms
      priceObserved { amount currency }
      migrantCount
      vulnerablePersons { children unaccompaniedMinors pregnantWomen }
      window { from to }
    }
    documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }
    signingKey
    expired
    caseReference
    protection
    handlingCode
    handlingConditions
    evidence { use legalBasis decidedBy }
    redacted
    correlations { alertId agency kinds }
    origin { agency country }
    grading { source information }
    route { region waypoints { country place mode latitude longitude } }
    identifiers { kind pseudonym epoch }
  }
`);
