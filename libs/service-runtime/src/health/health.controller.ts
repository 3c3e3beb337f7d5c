import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import { DATABASE, KAFKA } from '../tokens';
import { Public } from '../access/access.decorators';

const timeoutMs = 2_000;

function within<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
  ]);
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(DATABASE) private readonly db: Db,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Whether the service reaches its database and the Kafka brokers' })
  check() {
    return this.health.check([() => this.database(), () => this.brokers()]);
  }

  private async database() {
    const indicator = this.indicators.check('database');
    try {
      await within(this.db.command({ ping: 1 }));
      return indicator.up({ name: this.db.databaseName });
    } catch (error) {
      return indicator.down({ reason: (error as Error).message });
    }
  }

  private async brokers() {
    const indicator = this.indicators.check('kafka');
    const admin = this.kafka.admin();
    try {
      await within(admin.connect());
      const cluster = await within(admin.describeCluster());
      return indicator.up({ brokers: cluster.brokers.length, controller: cluster.controller });
    } catch (error) {
      return indicator.down({ reason: (error as Error).message });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
