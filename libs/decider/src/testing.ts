/** The given-when-then specification helpers (jest-bound): for specs only, never for production code. */
export { fieldsOf, issuesOf, specificationFor } from './specification';
export { processSpecificationFor } from './process-specification';
