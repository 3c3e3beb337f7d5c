import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection, Db } from 'mongodb';
import { foldProcess, type Process } from '@khu-siao/decider';
import { IdempotencyKeyReusedError, isDuplicateKeyError } from '@khu-siao/event-store';
import type { Logger } from '@khu-siao/observability';
import type { ServiceConfig } from '../config/service-config';
import { DATABASE, ROOT_LOGGER, SERVICE_CONFIG } from '../tokens';

interface ProcessDocument {
  /** `name:processId`: one document per process instance, so a retry or a resumption takes up the same one. */
  _id: string;
  name: string;
  input: unknown;
  /** The fingerprint of the client request that started it, to refuse its key for another request. */
  request?: string;
  outcomes: unknown[];
  steps: number;
  ended: boolean;
  startedAt: Date;
  updatedAt: Date;
}

/** A step a process takes next, named by its type. */
export interface ProcessStep {
  readonly type: string;
}

/** Takes a step of a process and answers what it brought about (a refusal is an outcome too; a failure throws). */
export type StepTaker<TInput, TStep, TOutcome> = (step: TStep, input: TInput) => Promise<TOutcome>;

/**
 * Runs process managers: each outcome is recorded (one document per instance, advanced by a guarded single-document
 * update) before the next step is chosen, so a process cut off by a crash is taken up where it stood — by the retry
 * of its request, or by `resumeUnended` when the service starts again.
 */
@Injectable()
export class ProcessRunner implements OnModuleInit {
  private readonly processes: Collection<ProcessDocument>;

  constructor(
    @Inject(DATABASE) db: Db,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    this.processes = db.collection<ProcessDocument>('processes');
  }

  async onModuleInit(): Promise<void> {
    await this.processes.createIndex({ name: 1, ended: 1 }, { name: 'unended_by_name' });
  }

  /** Starts the process (or takes up the one of that id) and runs it to its end; answers its final state. */
  async run<TInput, TOutcome, TState, TStep extends ProcessStep>(
    process: Process<TInput, TOutcome, TState, TStep>,
    processId: string,
    input: TInput,
    take: StepTaker<TInput, TStep, TOutcome>,
    options: { readonly request?: string } = {},
  ): Promise<TState> {
    const document = await this.started(process.name, processId, input, options.request);
    return this.advance(process, document, take);
  }

  /** Takes up every process of this kind that has not ended (its service died in the middle); answers how many. */
  async resumeUnended<TInput, TOutcome, TState, TStep extends ProcessStep>(
    process: Process<TInput, TOutcome, TState, TStep>,
    take: StepTaker<TInput, TStep, TOutcome>,
  ): Promise<number> {
    const unended = await this.processes.find({ name: process.name, ended: false }).toArray();
    for (const document of unended) {
      try {
        await this.advance(process, document, take);
      } catch (error) {
        this.logger.warn({ err: error, process: process.name, processId: document._id }, 'process could not be resumed yet');
      }
    }
    return unended.length;
  }

  private async started(name: string, processId: string, input: unknown, request: string | undefined): Promise<ProcessDocument> {
    const now = new Date();
    const document: ProcessDocument = {
      _id: `${name}:${processId}`,
      name,
      input,
      ...(request === undefined ? {} : { request }),
      outcomes: [],
      steps: 0,
      ended: false,
      startedAt: now,
      updatedAt: now,
    };
    try {
      await this.processes.insertOne(document);
      return document;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.processes.findOne({ _id: document._id });
    if (!existing) throw new Error(`process ${document._id} vanished`);
    if (existing.request !== request) throw new IdempotencyKeyReusedError();
    return existing;
  }

  private async advance<TInput, TOutcome, TState, TStep extends ProcessStep>(
    process: Process<TInput, TOutcome, TState, TStep>,
    start: ProcessDocument,
    take: StepTaker<TInput, TStep, TOutcome>,
  ): Promise<TState> {
    // The document holds what the process's own code wrote: its input and outcomes are of its types.
    const input = start.input as TInput;
    let outcomes = start.outcomes as TOutcome[];
    for (;;) {
      const state = foldProcess(process, input, outcomes);
      const step = process.next(state);
      if (step === null) {
        if (!start.ended) await this.processes.updateOne({ _id: start._id }, { $set: { ended: true, updatedAt: new Date() } });
        return state;
      }
      const outcome = await take(step, input);
      const recorded = await this.processes.updateOne(
        { _id: start._id, steps: outcomes.length },
        { $push: { outcomes: outcome }, $inc: { steps: 1 }, $set: { updatedAt: new Date() } },
      );
      if (recorded.matchedCount === 1) {
        if (this.config.crashAfterStep === `${process.name}:${step.type}`) globalThis.process.kill(globalThis.process.pid, 'SIGKILL');
        outcomes = [...outcomes, outcome];
        continue;
      }
      // Another runner (a retry, a resumption) recorded this step first: go on from what it recorded.
      const latest = await this.processes.findOne({ _id: start._id });
      outcomes = (latest?.outcomes ?? outcomes) as TOutcome[];
    }
  }
}
