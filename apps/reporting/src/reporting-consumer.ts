/** The consumer group the reporting service reads every context's topic with (namespaced per deployment). */
export const reportingConsumerGroup = 'reporting';
