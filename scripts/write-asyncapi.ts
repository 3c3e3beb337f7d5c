/** Writes docs/asyncapi.json from the event catalogue (a spec checks the committed file is current). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument, platformCatalogue } from '@khu-siao/contracts';

writeFileSync(join(__dirname, '..', 'docs', 'asyncapi.json'), `${JSON.stringify(asyncApiDocument(platformCatalogue), null, 2)}\n`);
