// What the tests select of consultations, requests, protection notices and statistics reports:
// their whole shape, as the JSON they replaced held it, so that assertions read the same fields.
export const REQUEST_SELECTION = `{
  id consultationId requestType summary senderReference receiverReference deadline status sentAt answeredAt answer
  sendingAuthority { agency entryId name } receivingAuthority { agency entryId name }
  history { at agency author status note }
}`;

export const CONSULTATION_SELECTION = `{
  id openedBy counterpart subject about { alertId entryId } openedAt lastAt protection
  messages { id from author at body protection } requests ${REQUEST_SELECTION}
}`;

/** A notice's every field: a test checks that it holds nothing about a person. */
export const NOTICE_SELECTION = '{ id source sourceId originAgency country flags contacts { entryId name } at }';
/** The names of those fields, sorted: a need, a place and whom it was brought to, nothing more. */
export const NOTICE_FIELDS = ['at', 'contacts', 'country', 'flags', 'id', 'originAgency', 'source', 'sourceId'];

const FIGURE = '{ by { direction kind region requestType status flag country month } count suppressed medianDays }';
export const STATISTICS_SELECTION = `{
  format agency period { from to } generatedAt threshold notes
  tables { name dimensions rows ${FIGURE} totals ${FIGURE} }
}`;
