import type { ServiceAppOptions } from '@khu-siao/service-runtime';
import { contexts } from '@khu-siao/contracts';
import { reportingConsumerGroup } from './reporting-consumer';

/** How the reporting service is started, in production and in tests alike. */
export const reportingAppOptions = {
  openApi: {
    title: 'Khu Siao — reporting',
    description:
      "The ministry's dashboards: area roll-ups (province → district → tambon → village), monthly trends, officials' ranking, household case views; as of any past date, with the events behind any figure, and CSV for every table.",
  },
  consumes: { group: reportingConsumerGroup, from: contexts },
  publishesEvents: false,
} satisfies Omit<ServiceAppOptions, 'config'>;
