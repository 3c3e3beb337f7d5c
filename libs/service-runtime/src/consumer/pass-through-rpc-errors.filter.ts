import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter turns every handler error into a generic object; the event consumer needs the error
 * itself to tell a poison message (dead letters at once) from a transient failure (retry).
 */
@Catch()
export class PassThroughRpcErrors implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
