export { householdDecider } from './household/business-logic';
export type * from './household/commands';
export type {
  ActionProgress,
  Address,
  CaseClosingReason,
  ErasureBasis,
  ClassificationOverride,
  Household,
  HouseholdEvent,
  HouseholdEventOfType,
  HouseholdSource,
  HouseholdState,
  LatestAssessment,
  LifePlan,
  LifePlanAction,
  LifePlanGoal,
  Member,
  PersonalField,
  RecordedAddress,
  RecordedMember,
  StoredHouseholdEvent,
} from './household/household';
export { householdSummary, processStepOf, type HouseholdSummary } from './household/summary';
export { classify, type Classification, type ClassificationInput, type ClassifiedMember } from './classification/classification';
export { isValidThaiNationalId, thaiNationalIdCheckDigit } from './national-id/national-id';
