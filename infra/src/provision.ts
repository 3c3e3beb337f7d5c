import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { readInfraConfig } from './config';
import { commandLinesOfAllProcesses, isAlive } from './processes';
import { JAVA_HINT, MAVEN_HINT, javaTool, runCommand } from './run-command';
import type { InfraLog } from './types';

const INFRA_ROOT = resolve(__dirname, '..');
const KAFKA_POM = join(INFRA_ROOT, 'kafka', 'pom.xml');
const MONGO_POM = join(INFRA_ROOT, 'mongo', 'pom.xml');
const MONGO_LAUNCHER = join(INFRA_ROOT, 'mongo', 'src', 'KhuMongoServer.java');
/** Bump when the cache layout changes so that old caches are not mistaken for new ones. */
const LAYOUT = 'layout-1';
const COMPLETE_MARKER = 'provisioned.json';

export interface ProvisionedKafka {
  libsDir: string;
  reused: boolean;
  seconds: number;
}

export interface ProvisionedMongo {
  libsDir: string;
  classesDir: string;
  /** the launcher's main class, also the marker that identifies its processes */
  mainClass: 'KhuMongoServer';
  reused: boolean;
  seconds: number;
}

export interface ProvisionOptions {
  env?: NodeJS.ProcessEnv;
  log?: InfraLog;
}

export interface ProvisionResult {
  /** true when both were already in the cache and no Maven or javac ran */
  reused: boolean;
  cacheDir: string;
  kafka: ProvisionedKafka;
  mongo: ProvisionedMongo;
}

/** Downloads (Maven Central, through ~/.m2) and builds what the local servers need; no server is started. */
export async function provisionLocalServers(options: ProvisionOptions = {}): Promise<ProvisionResult> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const { cacheDir } = readInfraConfig({ profile: 'platform', env });
  // One after the other: two Maven runs at once on two cores gain nothing and interleave their failures.
  const kafka = await provisionKafka(cacheDir, env, log);
  const mongo = await provisionMongo(cacheDir, env, log);
  return { reused: kafka.reused && mongo.reused, cacheDir, kafka, mongo };
}

export async function provisionKafka(cacheDir: string, env: NodeJS.ProcessEnv, log: InfraLog): Promise<ProvisionedKafka> {
  const started = Date.now();
  const pom = await readFile(KAFKA_POM, 'utf8');
  const target = join(cacheDir, 'kafka', hashOf(pom));
  const reused = await buildOnce(target, 'kafka', log, async (work) => {
    await resolveJars(KAFKA_POM, work, env);
  });
  return { libsDir: join(target, 'libs'), reused, seconds: elapsed(started) };
}

export async function provisionMongo(cacheDir: string, env: NodeJS.ProcessEnv, log: InfraLog): Promise<ProvisionedMongo> {
  const started = Date.now();
  const pom = await readFile(MONGO_POM, 'utf8');
  const launcher = await readFile(MONGO_LAUNCHER, 'utf8');
  const target = join(cacheDir, 'mongo', hashOf(pom, launcher));
  const reused = await buildOnce(target, 'mongo', log, async (work) => {
    await resolveJars(MONGO_POM, work, env);
    await runCommand(
      javaTool(env, 'javac'),
      ['--release', '17', '-encoding', 'UTF-8', '-d', join(work, 'classes'), '-cp', join(work, 'libs', '*'), MONGO_LAUNCHER],
      { env, installHint: JAVA_HINT },
    );
  });
  return {
    libsDir: join(target, 'libs'),
    classesDir: join(target, 'classes'),
    mainClass: 'KhuMongoServer',
    reused,
    seconds: elapsed(started),
  };
}

/**
 * Builds into a private folder and renames it into place, so that an interrupted build is never reused and two
 * processes provisioning at once both end with one complete copy.
 */
async function buildOnce(target: string, name: string, log: InfraLog, build: (work: string) => Promise<void>): Promise<boolean> {
  if (existsSync(join(target, COMPLETE_MARKER))) {
    log(`${name}: reused cache ${target}`);
    return true;
  }
  const work = `${target}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  const started = Date.now();
  log(`${name}: provisioning into ${target} (Maven Central via ~/.m2)`);
  await rm(target, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  try {
    await build(work);
    const jars = (await readdir(join(work, 'libs'))).filter((file) => file.endsWith('.jar'));
    await writeFile(join(work, COMPLETE_MARKER), `${JSON.stringify({ jars, builtAt: new Date().toISOString() }, null, 2)}\n`);
    await rename(work, target).catch(async (error: NodeJS.ErrnoException) => {
      if (!existsSync(join(target, COMPLETE_MARKER))) throw error;
    });
    log(`${name}: provisioned ${jars.length} jars in ${elapsed(started)} s`);
    await pruneOtherBuilds(target, log);
    return false;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Builds from an older pom or launcher (and partial ones of killed runs) would pile up at ~45 MB each; those that
 * no live process runs from are removed.
 */
async function pruneOtherBuilds(target: string, log: InfraLog): Promise<void> {
  const parent = dirname(target);
  const inUse = commandLinesOfAllProcesses();
  for (const entry of await readdir(parent)) {
    const path = join(parent, entry);
    const partialOwner = /\.partial-(\d+)-/.exec(entry)?.[1];
    const abandoned = partialOwner ? !isAlive(Number(partialOwner)) : path !== target;
    if (abandoned && !inUse.some((commandLine) => commandLine.includes(path))) {
      log(`removing the unused cache ${path}`);
      await rm(path, { recursive: true, force: true });
    }
  }
}

async function resolveJars(pom: string, work: string, env: NodeJS.ProcessEnv): Promise<void> {
  // Maven runs on a copy so that it never writes into the source tree.
  const workPom = join(work, 'pom.xml');
  await copyFile(pom, workPom);
  await runCommand(
    'mvn',
    [
      '-B',
      '-q',
      '-Dstyle.color=never',
      '-f',
      workPom,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${join(work, 'libs')}`,
    ],
    { cwd: work, env, installHint: MAVEN_HINT },
  );
  await rm(join(work, 'target'), { recursive: true, force: true });
}

function hashOf(...sources: string[]): string {
  const hash = createHash('sha256').update(LAYOUT);
  for (const source of sources) hash.update('\0').update(source);
  return hash.digest('hex').slice(0, 16);
}

function elapsed(started: number): number {
  return Math.round((Date.now() - started) / 100) / 10;
}
