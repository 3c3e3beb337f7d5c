export { fold, type Decider } from './decider';
export { IllegalStateError, InvalidCommandError, NotFoundError } from './domain-errors';
export { specificationFor } from './specification';
