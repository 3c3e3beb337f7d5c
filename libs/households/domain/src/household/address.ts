import type { FieldIssue } from '@khu-siao/contracts';
import { areaIssues } from '../areas/areas';
import type { Address, RecordedAddress } from './household';

/** The area must be a real place in Khon Kaen; the house number is free text (many rural houses have none). */
export function addressIssues(address: Address, field: string): FieldIssue[] {
  return areaIssues(address.area, `${field}.area`);
}

export function sameAddress(a: RecordedAddress, b: RecordedAddress): boolean {
  return (
    a.area.provinceCode === b.area.provinceCode &&
    a.area.districtCode === b.area.districtCode &&
    a.area.tambonCode === b.area.tambonCode &&
    a.area.villageCode === b.area.villageCode &&
    (a.houseNumber ?? '') === (b.houseNumber ?? '')
  );
}
