import { Partitioners, type PartitionMetadata } from 'kafkajs';

/**
 * One message key for each partition of a topic of `partitions`, as the producers' default partitioner (murmur2, as
 * the Java client's) places keys: sentinels sent with them reach every partition.
 */
export function oneKeyPerPartition(prefix: string, partitions: number): string[] {
  const partitionOf = Partitioners.DefaultPartitioner();
  const partitionMetadata: PartitionMetadata[] = Array.from({ length: partitions }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: 0,
    replicas: [0],
    isr: [0],
  }));
  const keys = new Map<number, string>();
  for (let index = 0; keys.size < partitions; index += 1) {
    const key = `${prefix}-${index}`;
    const partition = partitionOf({ topic: prefix, partitionMetadata, message: { key, value: null } });
    if (!keys.has(partition)) keys.set(partition, key);
  }
  return [...keys.values()];
}
