import { Module } from '@nestjs/common';
import { ArchiveConsumer } from './archive/archive.consumer';
import { AreasController } from './area/areas.controller';
import { RollupArea } from './area/rollup-area';
import { CaseArea, CaseListArea } from './household-case/case-area';
import { CasesController } from './household-case/cases.controller';
import { CaseOpener } from './household-case/opened-case';
import { OfficialsController } from './official/officials.controller';
import { RankingArea } from './official/ranking-area';
import { ProgrammesController } from './programme/programmes.controller';
import { ProjectionsController } from './projection/projections.controller';
import { Generations } from './read-models/dashboards/generations';
import { Projector } from './read-models/dashboards/projector';
import { ReadModelQueries } from './read-models/dashboards/read-model-queries';
import { Rebuilds } from './read-models/dashboards/rebuilds';
import { NoArea } from '@khu-siao/service-runtime';

/** The reporting service: every event archived, projected into the dashboards' read models, served over HTTP. */
@Module({
  controllers: [ArchiveConsumer, AreasController, CasesController, OfficialsController, ProgrammesController, ProjectionsController],
  providers: [Generations, Projector, Rebuilds, ReadModelQueries, CaseOpener, NoArea, RollupArea, RankingArea, CaseListArea, CaseArea],
})
export class ReportingModule {}
