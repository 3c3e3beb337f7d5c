import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { InvalidCommandError } from '@khu-siao/decider';
import type { ResourceArea } from '@khu-siao/security';
import type { AreaResolver } from '@khu-siao/service-runtime';
import { currentBuddies } from '@khu-siao/reporting-projections';
import { ReadModelQueries } from '../read-models/dashboards/read-model-queries';
import { checkedCode, codeFields, codeLengths } from '../report/area-codes';

/** The area a case list asks for: every code of its query, of which a province or district one is required. */
@Injectable()
export class CaseListArea implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    const { query } = request;
    if (query['provinceCode'] === undefined && query['districtCode'] === undefined) {
      throw new InvalidCommandError([{ field: 'districtCode', message: 'a districtCode or a provinceCode is required' }]);
    }
    return Object.fromEntries(
      codeFields
        .map((field, level) => [field, query[field], codeLengths[level]] as const)
        .filter(([, value]) => value !== undefined)
        .map(([field, value, length]) => [field, checkedCode(value, field, new RegExp(`^\\d{${length}}$`), `must be a ${length}-digit code`)]),
    );
  }
}

/** Where a household case lies, and its buddies in force (a field official sees their own households); unknown: 404. */
@Injectable()
export class CaseArea implements AreaResolver {
  constructor(private readonly queries: ReadModelQueries) {}

  async areaOf(request: Request): Promise<ResourceArea | undefined> {
    const householdCase = await this.queries.householdCase(String(request.params['householdId']));
    if (!householdCase) return undefined;
    return { ...householdCase.area, buddyOfficialIds: currentBuddies(householdCase) };
  }
}
