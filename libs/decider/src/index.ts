export { fold, type Decider } from './decider';
export { IllegalStateError, InvalidCommandError, NotFoundError } from './domain-errors';
export { fieldsOf, issuesOf, specificationFor } from './specification';
export { oneOfIssues, optional, optionalTextIssues, refuseIfAny, textIssues } from './command-fields';
export { ageOn, calendarDateIssues, futureDateIssues, isCalendarDate, type CalendarDate } from './calendar-date';
