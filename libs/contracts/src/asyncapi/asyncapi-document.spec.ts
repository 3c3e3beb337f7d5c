import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { platformCatalogue } from '../catalogue/platform-catalogue';
import { TopicNames } from '../topics';
import { asyncApiDocument } from './asyncapi-document';

describe('the AsyncAPI document', () => {
  const document = asyncApiDocument(platformCatalogue);

  it('describes every event of the catalogue as a message on its context topic', () => {
    expect(Object.keys(document.components.messages).sort()).toEqual(platformCatalogue.types().sort());
    const topics = new TopicNames();
    for (const definition of platformCatalogue.definitions()) {
      const channel = document.channels[definition.context] as { address: string; messages: Record<string, unknown> };
      expect(channel.address).toBe(topics.events(definition.context));
      expect(channel.messages[definition.type]).toEqual({ $ref: `#/components/messages/${definition.type}` });
    }
  });

  it('is committed as generated (npx tsx --tsconfig tsconfig.base.json scripts/write-asyncapi.ts)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'asyncapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
