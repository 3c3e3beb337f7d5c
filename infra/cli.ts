import { existsSync } from 'node:fs';
import {
  type InfraProfile,
  infraLogFiles,
  infraStatus,
  provisionLocalServers,
  startInfra,
  stopInfraProcesses,
} from './src';

const USAGE = `usage: npx tsx infra/cli.ts <command> [--profile platform|test]

commands:
  provision  download (Maven Central) and build the local servers; starts nothing
  up         start Kafka and MongoDB; prints KAFKA_BROKERS=... and MONGO_URL=... on stdout
             (platform: detached, they keep running; test: in the foreground until Ctrl-C)
  status     which servers run and whether they answer (exit 0 all healthy, 3 otherwise)
  down       stop the servers that up (or a killed test run) left running
  logs       print the log file paths

The profile defaults to platform. Progress goes to stderr.`;

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
const EXIT_NOT_RUNNING = 3;

const log = (line: string) => process.stderr.write(`[infra] ${line}\n`);

async function main(argv: string[]): Promise<number> {
  if (argv.some((argument) => ['help', '--help', '-h'].includes(argument))) {
    console.log(USAGE);
    return 0;
  }
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const { command, profile } = parsed;
  switch (command) {
    case 'provision': {
      const result = await provisionLocalServers({ log });
      for (const [name, part] of [['kafka', result.kafka], ['mongo', result.mongo]] as const) {
        console.log(`${name}: ${part.reused ? 'reused cache' : `provisioned in ${part.seconds} s`} ${part.libsDir}`);
      }
      return 0;
    }
    case 'up':
      return up(profile);
    case 'status': {
      const servers = await infraStatus({ profile });
      for (const server of servers) {
        const pid = server.pid ? ` pid ${server.pid}` : '';
        const state = server.source === 'none' ? 'not running' : server.healthy ? 'healthy' : 'NOT answering';
        console.log(`${server.name}: ${state} (${server.source}${pid}) ${server.address}`);
      }
      return servers.every((server) => server.healthy) ? 0 : EXIT_NOT_RUNNING;
    }
    case 'down': {
      const stopped = await stopInfraProcesses({ profile, log });
      console.log(stopped.length > 0 ? `stopped: ${stopped.join(', ')}` : `nothing of the ${profile} profile was running`);
      return 0;
    }
    case 'logs': {
      for (const [name, file] of Object.entries(infraLogFiles({ profile }))) {
        console.log(`${name}: ${file}${existsSync(file) ? '' : ' (not written yet)'}`);
      }
      return 0;
    }
  }
}

async function up(profile: InfraProfile): Promise<number> {
  const infra = await startInfra({ profile, log });
  console.log(`KAFKA_BROKERS=${infra.endpoints.kafkaBrokers.join(',')}`);
  console.log(`MONGO_URL=${infra.endpoints.mongoUrl}`);
  if (profile === 'platform') {
    log(`kafka: ${infra.endpoints.kafkaSource}, mongo: ${infra.endpoints.mongoSource}; "npx tsx infra/cli.ts down" stops them`);
    return 0;
  }
  // The test profile's servers die with this process, so it stays until interrupted.
  log('running until Ctrl-C');
  await new Promise<void>((resolvePromise) => {
    // Signal listeners alone do not keep Node running.
    const keepAlive = setInterval(() => undefined, 60_000);
    const done = () => {
      clearInterval(keepAlive);
      resolvePromise();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await infra.stop();
  return 0;
}

const COMMANDS = ['provision', 'up', 'status', 'down', 'logs'] as const;
type Command = (typeof COMMANDS)[number];

function parseArguments(argv: string[]): { command: Command; profile: InfraProfile } | string {
  let profile: InfraProfile = 'platform';
  let command: Command | undefined;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const value = argument === '--profile' ? argv[++i] : argument.startsWith('--profile=') ? argument.slice(10) : undefined;
    if (argument === '--profile' || argument.startsWith('--profile=')) {
      if (value !== 'platform' && value !== 'test') return `unknown profile "${value ?? ''}"`;
      profile = value;
    } else if ((COMMANDS as readonly string[]).includes(argument) && !command) {
      command = argument as Command;
    } else {
      return `unexpected argument "${argument}"`;
    }
  }
  return command ? { command, profile } : 'missing command';
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    process.exitCode = EXIT_FAILURE;
  },
);
