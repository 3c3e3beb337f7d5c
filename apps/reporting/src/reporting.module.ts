import { Module } from '@nestjs/common';
import { ArchiveConsumer } from './archive/archive.consumer';
import { AreasController } from './http/areas.controller';
import { CasesController } from './http/cases.controller';
import { OfficialsController } from './http/officials.controller';
import { ProgrammesController } from './http/programmes.controller';
import { ProjectionsController } from './http/projections.controller';
import { CaseOpener } from './http/opened-case';
import { CaseArea, CaseListArea, RankingArea, RollupArea } from './http/report-areas';
import { Projector } from './projector/projector';
import { Rebuilds } from './projector/rebuilds';
import { Generations } from './read-model/generations';
import { ReadModelQueries } from './read-model/read-model-queries';
import { NoArea } from '@khu-siao/service-runtime';

/** The reporting service: every event archived, projected into the dashboards' read models, served over HTTP. */
@Module({
  controllers: [ArchiveConsumer, AreasController, CasesController, OfficialsController, ProgrammesController, ProjectionsController],
  providers: [Generations, Projector, Rebuilds, ReadModelQueries, CaseOpener, NoArea, RollupArea, RankingArea, CaseListArea, CaseArea],
})
export class ReportingModule {}
