import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { ResourceArea } from '@khu-siao/security';
import { RequestInvalid, type AreaResolver } from '@khu-siao/service-runtime';
import { CsvUnreadable, readTpmapCsv } from './tpmap-csv';

const columns = { provinceCode: 'province_code', districtCode: 'district_code', tambonCode: 'tambon_code', villageCode: 'village_code' } as const;
const levels = ['provinceCode', 'districtCode', 'tambonCode', 'villageCode'] as const;

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
    const area: Partial<Record<(typeof levels)[number], string>> = {};
    for (const level of levels) {
      const codes = new Set(rows.map((row) => row.fields[columns[level]]));
      const [only] = codes;
      if (codes.size !== 1 || !/^\d+$/.test(only)) break;
      area[level] = only;
    }
    return area;
  }
}
