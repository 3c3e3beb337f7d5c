import type { Request } from 'express';
import type { ResourceArea } from '@khu-siao/security';

/**
 * Where the resource a request acts on lies, from what the service knows of it: an injectable a route names in
 * `@Allow`. Undefined means the resource does not exist (404).
 */
export interface AreaResolver {
  areaOf(request: Request): Promise<ResourceArea | undefined> | ResourceArea | undefined;
}

/** For operations open `anywhere` (catalogues): the area plays no part. */
export class NoArea implements AreaResolver {
  areaOf(): ResourceArea {
    return {};
  }
}
