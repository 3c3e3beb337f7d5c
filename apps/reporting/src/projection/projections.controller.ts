import { Controller, Get, HttpCode, Inject, Param, Post, Sse, type MessageEvent } from '@nestjs/common';
import { map, throttleTime, type Observable } from 'rxjs';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Kafka } from 'kafkajs';
import { contexts, type TopicNames } from '@khu-siao/contracts';
import { Allow, KAFKA, NoArea, TOPICS } from '@khu-siao/service-runtime';
import { Projector } from '../read-models/dashboards/projector';
import { Rebuilds } from '../read-models/dashboards/rebuilds';
import { reportingConsumerGroup } from '../reporting-consumer';

@ApiTags('projections')
@Controller('projections')
export class ProjectionsController {
  constructor(
    private readonly projector: Projector,
    private readonly rebuilds: Rebuilds,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPICS) private readonly topics: TopicNames,
  ) {}

  @Get()
  @Allow('reports.readProjectionStatus', NoArea)
  @ApiOperation({
    summary:
      'How far the read model is: its generation, the archive position it reached, events not projected yet, and the Kafka messages not consumed yet per topic',
  })
  async status() {
    return { projector: await this.projector.status(), kafka: await this.consumerLag() };
  }

  @Sse('changes')
  @Allow('reports.readProjectionStatus', NoArea)
  @ApiOperation({
    summary:
      'Server-Sent Events: `projected` with {generation, position} each time the read model moves on (at most 4 a second), so a dashboard refreshes without reloading',
  })
  changes(): Observable<MessageEvent> {
    return this.projector.changes().pipe(
      throttleTime(250, undefined, { leading: true, trailing: true }),
      map((change) => ({ type: 'projected', data: change })),
    );
  }

  @Post('rebuilds')
  @Allow('reports.rebuild', NoArea)
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Rebuild the read model from the event archive into a new generation while the current one serves; the two are compared document for document before the new one takes over',
  })
  @ApiAcceptedResponse({ description: 'the rebuild has started; follow it at /projections/rebuilds/{rebuildId}' })
  @ApiConflictResponse({ description: 'a rebuild is already running' })
  start() {
    return this.rebuilds.start();
  }

  @Get('rebuilds/:rebuildId')
  @Allow('reports.rebuild', NoArea)
  @ApiOperation({ summary: "A rebuild's progress, speed, and its comparison with the live model" })
  rebuild(@Param('rebuildId') rebuildId: string) {
    return this.rebuilds.get(rebuildId);
  }

  /** Messages on each topic the reporting group has not committed yet. */
  private async consumerLag(): Promise<{ topic: string; behind: number }[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const group = this.topics.consumerGroup(reportingConsumerGroup);
      const topics = contexts.map((context) => this.topics.events(context));
      const committed = await admin.fetchOffsets({ groupId: group, topics });
      // One request at a time: kafkajs mismatches responses of concurrent admin requests on one connection.
      const lag: { topic: string; behind: number }[] = [];
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const done = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
        const behind = ends.reduce((sum, end) => {
          const offset = Number(done.find((partition) => partition.partition === end.partition)?.offset ?? -1);
          return sum + Number(end.high) - Math.max(0, offset);
        }, 0);
        lag.push({ topic, behind });
      }
      return lag;
    } finally {
      await admin.disconnect();
    }
  }
}
