/** Every operation an endpoint or consumer may ask `authorize` about; an operation without a rule stays closed. */
export const operations = [
  // households
  'households.register',
  'households.import',
  'households.updateMembers',
  'households.move',
  'households.assess',
  'households.overrideClassification',
  'households.planLife',
  'households.graduate',
  'households.close',
  'households.read',
  'households.search',
  'households.readFullNationalId',
  // pairings
  'officials.register',
  'officials.read',
  'pairings.pair',
  'visits.log',
  'visits.read',
  'visits.readOverdue',
  'teams.manage',
  'teams.read',
  'partners.manage',
  'partners.read',
  'partners.pledge',
  // welfare payments
  'programmes.manage',
  'programmes.read',
  'budgets.manage',
  'budgets.read',
  'grants.award',
  'grants.cancel',
  'grants.read',
  'disbursements.record',
  'receipts.read',
  'centres.readLedger',
  'centres.readReconciliation',
  // reporting, audit, administration
  'reports.readRollups',
  'reports.rebuild',
  'reports.readProjectionStatus',
  'audit.readPersonalDataAccess',
  'agencies.manageClients',
  'households.erase',
] as const;
export type Operation = (typeof operations)[number];

export function isOperation(value: string): value is Operation {
  return (operations as readonly string[]).includes(value);
}
