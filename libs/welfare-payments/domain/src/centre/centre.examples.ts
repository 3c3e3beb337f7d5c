import { specificationFor } from '@khu-siao/decider/testing';
import type { CentreEvent } from '../welfare-events';
import { centreDecider } from './business-logic';
import type { CloseCentre, RegisterCentre, RelocateCentre } from './commands';

export const { given } = specificationFor(centreDecider);

/** The tambon centre of Nai Mueang, Mueang Khon Kaen district. */
export const registerNaiMueang: RegisterCentre = {
  type: 'RegisterCentre',
  centreId: 'tc-400101',
  name: 'ศูนย์ช่วยเหลือสังคมตำบลในเมือง',
  kind: 'tambonCentre',
  area: { provinceCode: '40', districtCode: '4001', tambonCode: '400101' },
  registeredBy: 'officer-1',
  registeredAt: '2022-01-27T09:00:00+07:00',
};

const { type: _command, ...registration } = registerNaiMueang;
export const naiMueangRegistered: Extract<CentreEvent, { type: 'CentreRegistered' }> = { type: 'CentreRegistered', data: registration };

/** To Tha Phra (400109), in the same district. */
export const relocateToThaPhra: RelocateCentre = {
  type: 'RelocateCentre',
  centreId: 'tc-400101',
  area: { provinceCode: '40', districtCode: '4001', tambonCode: '400109' },
  reason: 'merged with the Tha Phra subdistrict municipality',
  relocatedBy: 'officer-1',
  relocatedAt: '2022-06-01T09:00:00+07:00',
};

const { type: _relocation, ...relocation } = relocateToThaPhra;
export const relocatedToThaPhra: Extract<CentreEvent, { type: 'CentreRelocated' }> = { type: 'CentreRelocated', data: relocation };

export const closeNaiMueang: CloseCentre = {
  type: 'CloseCentre',
  centreId: 'tc-400101',
  reason: 'its local government unit was dissolved',
  closedBy: 'officer-1',
  closedAt: '2022-09-30T17:00:00+07:00',
};

const { type: _closing, ...closing } = closeNaiMueang;
export const naiMueangClosed: Extract<CentreEvent, { type: 'CentreClosed' }> = { type: 'CentreClosed', data: closing };
