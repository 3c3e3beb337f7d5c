import { Injectable } from '@nestjs/common';

const bangkokOffsetMs = 7 * 60 * 60 * 1000;

/**
 * The one clock of a service: the domain never reads the time itself, commands carry it in. Thailand keeps UTC+7
 * all year, so its dates and instants need no zone data. Injected, so that a spec may set the time.
 */
@Injectable()
export class Clock {
  constructor(private readonly current: () => Date = () => new Date()) {}

  /** Now, as an instant with Thailand's offset: `2022-01-27T09:00:00.000+07:00`. */
  now(): string {
    return `${this.shifted(this.current()).toISOString().slice(0, 23)}+07:00`;
  }

  /** Today's date in Thailand, `YYYY-MM-DD`. */
  today(): string {
    return this.dateOf(this.current());
  }

  /** The date in Thailand `days` days before today. */
  daysAgo(days: number): string {
    return this.dateOf(new Date(this.current().getTime() - days * 86_400_000));
  }

  private dateOf(instant: Date): string {
    return this.shifted(instant).toISOString().slice(0, 10);
  }

  private shifted(instant: Date): Date {
    return new Date(instant.getTime() + bangkokOffsetMs);
  }
}
