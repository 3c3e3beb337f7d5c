import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, NoArea } from '@khu-siao/service-runtime';
import { ReadModelQueries } from '../read-models/dashboards/read-model-queries';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(private readonly queries: ReadModelQueries) {}

  @Get()
  @Allow('programmes.read', NoArea)
  @ApiOperation({ summary: "The assistance programmes: names and kinds for the roll-ups' programme ids, standard amounts in satang" })
  async list() {
    return { programmes: await this.queries.programmes() };
  }
}
