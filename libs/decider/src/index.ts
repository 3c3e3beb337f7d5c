export { fold, type Decider } from './decider';
export { foldProcess, type Process } from './process';
export { IllegalStateError, InvalidCommandError, NotFoundError } from './domain-errors';
export { errorOf, refusalOf, type Refusal } from './refusal';
export { oneOfIssues, optional, optionalTextIssues, refuseIfAny, textIssues } from './command-fields';
export { ageOn, calendarDateIssues, futureDateIssues, isCalendarDate, type CalendarDate } from './calendar-date';
