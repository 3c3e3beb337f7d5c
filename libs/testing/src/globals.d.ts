import type { RunningInfra } from '@khu-siao/infra';
import type { InfraControl } from './infra-control';

declare global {
  var __khuInfra: { infra: RunningInfra; control: InfraControl; logDir: string } | undefined;
}
