import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from '@swc/core';

export interface PageFile {
  readonly contentType: string;
  readonly body: Buffer;
}

const pageFolder = join(__dirname, '..', 'page');

/**
 * Every file the browser loads, by URL path, made once at start: the HTML and CSS as they are, and each TypeScript
 * module of the page compiled by swc to an ES module of the same name ending in `.js` (the page imports its modules
 * by those names). swc strips the types in milliseconds, so there is no build step; tsc checks the types in lint.
 */
export function loadPageFiles(folder = pageFolder): Map<string, PageFile> {
  const files = new Map<string, PageFile>();
  for (const name of readdirSync(folder)) {
    // Specs and their fixtures are not part of the page.
    if (name.endsWith('.spec.ts') || name.endsWith('.fixture.ts')) continue;
    const source = readFileSync(join(folder, name));
    if (name.endsWith('.ts')) {
      const { code } = transformSync(source.toString('utf8'), {
        filename: name,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: false,
        swcrc: false,
        configFile: false,
      });
      files.set(`/app/${name.replace(/\.ts$/, '.js')}`, { contentType: 'text/javascript; charset=utf-8', body: Buffer.from(code) });
    } else if (name === 'index.html') {
      files.set('/', { contentType: 'text/html; charset=utf-8', body: source });
    } else if (name.endsWith('.css')) {
      files.set(`/${name}`, { contentType: 'text/css; charset=utf-8', body: source });
    } else if (name.endsWith('.svg')) {
      files.set(`/${name}`, { contentType: 'image/svg+xml', body: source });
    }
  }
  return files;
}
