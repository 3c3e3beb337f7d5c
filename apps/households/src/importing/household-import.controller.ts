import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { InvalidCommandError } from '@khu-siao/decider';
import { Allow, CommandContext } from '@khu-siao/service-runtime';
import { HouseholdImport, type ImportReport } from './household-import';
import { ImportArea } from './import-area';
import { CsvUnreadable, readTpmapCsv, tpmapColumns } from './tpmap-csv';

@ApiTags('import')
@Controller('household-imports')
export class HouseholdImportController {
  constructor(private readonly imports: HouseholdImport) {}

  @Post()
  @HttpCode(200)
  @Allow('households.import', ImportArea)
  @ApiOperation({
    summary: 'Import a TPMAP-style CSV of target households (one row per member)',
    description:
      `Columns: ${tpmapColumns.join(', ')} (and optionally source_line, the line in the original file when a client ` +
      'sends it in chunks). A household is registered whole or not at all; importing the same file again registers ' +
      'nothing twice; every refused row is reported with its line and reason.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string' } })
  @ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'a retry of the same file with the same key registers nothing twice; another file under the key is refused',
  })
  @ApiOkResponse({ description: 'the import report' })
  @ApiUnprocessableEntityResponse({ description: 'the Idempotency-Key was used before with another file' })
  async import(@Body() body: unknown, @CommandContext('optional') context: CommandContext): Promise<ImportReport> {
    if (typeof body !== 'string') {
      throw new InvalidCommandError([{ field: 'body', message: 'must be a CSV file sent as text/csv' }]);
    }
    try {
      return await this.imports.run(readTpmapCsv(body), context);
    } catch (error) {
      if (error instanceof CsvUnreadable) throw new InvalidCommandError([{ field: 'body', message: error.message }]);
      throw error;
    }
  }
}
