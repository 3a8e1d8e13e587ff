import { parseArgs } from '../parseArgs.js';
import { startQueueWorker } from '../../node/queue.js';
import { maskSecrets } from '../../node/maskSecrets.js';
import { integerFlag, UsageError, type CommandIo } from '../usage.js';

/** `resurgence worker --redis URL`: a queue worker, until SIGINT/SIGTERM. */
export async function workerCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      redis: { type: 'string' },
      queue: { type: 'string' },
      concurrency: { type: 'string' },
      'lock-ms': { type: 'string' },
      'stalled-ms': { type: 'string' },
    },
  });
  if (values.redis === undefined) throw new UsageError('worker needs --redis URL, e.g. resurgence worker --redis redis://127.0.0.1:6379');
  const concurrency = integerFlag('--concurrency', values.concurrency);
  const lockDuration = integerFlag('--lock-ms', values['lock-ms']);
  const stalledInterval = integerFlag('--stalled-ms', values['stalled-ms']);
  const worker = await startQueueWorker({
    redis: values.redis,
    ...(values.queue === undefined ? {} : { queue: values.queue }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(lockDuration === undefined ? {} : { lockDuration }),
    ...(stalledInterval === undefined ? {} : { stalledInterval }),
    onNotice: (line) => io.stderr.write(`${line}\n`),
  });
  io.stderr.write(`resurgence worker ${process.pid} waiting for batches on ${maskSecrets(values.redis)}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await worker.close();
  return 0;
}
