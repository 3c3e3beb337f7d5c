import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { InvalidCommandError } from '@khu-siao/decider';
import type { ResourceArea } from '@khu-siao/security';
import type { AreaResolver } from '@khu-siao/service-runtime';
import { currentBuddies } from '@khu-siao/reporting-projections';
import { ReadModelQueries } from '../read-model/read-model-queries';
import { areaCodePattern } from './query-params';

const codeFields = ['provinceCode', 'districtCode', 'tambonCode', 'villageCode'] as const;
const codeLengths = [2, 4, 6, 8] as const;

/** Where an area code of any level lies: its own code and those of the areas above it; the unplaced figures lie nowhere (nation only). */
export function areaOfCode(code: string): ResourceArea {
  return Object.fromEntries(codeFields.flatMap((field, level) => (code.length >= codeLengths[level] ? [[field, code.slice(0, codeLengths[level])]] : [])));
}

function checkedCode(value: unknown, field: string, pattern: RegExp, message: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw new InvalidCommandError([{ field, message }]);
  return value;
}

/** The area of a roll-up route: the `code` of its path. */
@Injectable()
export class RollupArea implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    return areaOfCode(checkedCode(request.params['code'], 'code', areaCodePattern, 'must be an area code of 2, 4, 6 or 8 digits'));
  }
}

/** The area of the officials' ranking: the optional `areaCode` of the query (officials whose home district lies there), else the nation. */
@Injectable()
export class RankingArea implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    const code = request.query['areaCode'];
    return code === undefined ? {} : areaOfCode(checkedCode(code, 'areaCode', /^(\d{2}|\d{4})$/, 'must be a province (2 digits) or district (4 digits) code'));
  }
}

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
