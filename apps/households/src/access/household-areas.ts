import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Request } from 'express';
import type { Model } from 'mongoose';
import { EventStore } from '@khu-siao/event-store';
import type { ResourceArea } from '@khu-siao/security';
import { RequestInvalid, type AreaResolver } from '@khu-siao/service-runtime';
import { householdStream } from '../command-handling/household-stream';
import { CsvUnreadable, readTpmapCsv } from '../importing/tpmap-csv';
import { HouseholdListing } from '../listing/household-listing.schema';

type AreaCodes = Pick<ResourceArea, 'provinceCode' | 'districtCode' | 'tambonCode' | 'villageCode'>;
const levels = ['provinceCode', 'districtCode', 'tambonCode', 'villageCode'] as const;

/** Only the codes that are strings of digits: the guard runs before validation, on the raw request. */
function codesOf(source: unknown): AreaCodes {
  const record = (typeof source === 'object' && source !== null ? source : {}) as Record<string, unknown>;
  return Object.fromEntries(levels.flatMap((level) => (typeof record[level] === 'string' && /^\d+$/.test(record[level]) ? [[level, record[level]]] : [])));
}

/**
 * Where an existing household lies: its area from its own stream (always current, clear in every event) and the
 * buddies paired with it from the listing. The household is named by the path, or by `householdId` in the query.
 */
@Injectable()
export class HouseholdArea implements AreaResolver {
  constructor(
    private readonly store: EventStore,
    @InjectModel(HouseholdListing.name) private readonly listings: Model<HouseholdListing>,
  ) {}

  async areaOf(request: Request): Promise<ResourceArea | undefined> {
    const householdId = request.params['householdId'] ?? request.query['householdId'];
    if (typeof householdId !== 'string' || householdId === '') return undefined;
    const [{ events }, listing] = await Promise.all([
      this.store.readStream(householdStream(householdId)),
      this.listings.findById(householdId, { buddyOfficialIds: 1 }).lean(),
    ]);
    const located = events.findLast((event) => event.type === 'HouseholdRegistered' || event.type === 'HouseholdMoved');
    if (!located) return undefined;
    const data = located.data as { address?: { area?: unknown }; to?: { area?: unknown } };
    return { ...codesOf((data.address ?? data.to)?.area), buddyOfficialIds: listing?.buddyOfficialIds ?? [] };
  }
}

const codeDigits = { provinceCode: 2, districtCode: 4, tambonCode: 6, villageCode: 8 } as const;

/**
 * A registration lies where the address in its body says. Read before the body is validated, so a code that is
 * missing or malformed is answered here, 400 naming it, rather than weighed as an area no one covers.
 */
@Injectable()
export class RegistrationArea implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    const area = (request.body as { address?: { area?: Record<string, unknown> } } | undefined)?.address?.area;
    const issues = levels.flatMap((level) =>
      typeof area?.[level] === 'string' && new RegExp(`^\\d{${codeDigits[level]}}$`).test(area[level] as string)
        ? []
        : [{ field: `address.area.${level}`, message: `must be a ${codeDigits[level]}-digit code` }],
    );
    if (issues.length > 0) throw new RequestInvalid(issues);
    return codesOf(area);
  }
}

/** An import lies in the smallest area holding all its rows (a file over several provinces lies in none). */
@Injectable()
export class ImportArea implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    // Read before the handler: a body that is no TPMAP file is answered 400 here, as the handler would.
    if (typeof request.body !== 'string') throw new RequestInvalid([{ field: 'body', message: 'must be a CSV file sent as text/csv' }]);
    let rows;
    try {
      rows = readTpmapCsv(request.body);
    } catch (error) {
      if (error instanceof CsvUnreadable) throw new RequestInvalid([{ field: 'body', message: error.message }]);
      throw error;
    }
    const area: Record<string, string> = {};
    const columns = { provinceCode: 'province_code', districtCode: 'district_code', tambonCode: 'tambon_code', villageCode: 'village_code' } as const;
    for (const level of levels) {
      const codes = new Set(rows.map((row) => row.fields[columns[level]]));
      const [only] = codes;
      if (codes.size !== 1 || !/^\d+$/.test(only)) break;
      area[level] = only;
    }
    return area;
  }
}

/** A search lies in the area its filters name: without a province or district filter it lies nowhere it may be asked. */
@Injectable()
export class SearchArea implements AreaResolver {
  areaOf(request: Request): ResourceArea {
    return codesOf(request.query);
  }
}
