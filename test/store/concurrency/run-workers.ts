import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import type { StoreConfig } from '../../../lib/store';
import type { WorkerArgs, WorkerReport } from './worker';

const ROOT = join(__dirname, '..', '..', '..');
const REGISTER = join(ROOT, 'test', 'store', 'support', 'register-ts.js');
const WORKER = join(__dirname, 'worker.ts');

interface Running {
	child: ChildProcessWithoutNullStreams;
	ready: Promise<void>;
	done: Promise<WorkerReport>;
}

function start(args: WorkerArgs): Running {
	const encoded = Buffer.from(JSON.stringify(args)).toString('base64');
	const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', '-r', REGISTER, WORKER, encoded], { cwd: ROOT });
	let stdout = '';
	let stderr = '';
	let markReady: () => void = () => undefined;
	const ready = new Promise<void>((resolve) => (markReady = resolve));
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString('utf8');
		if (stdout.startsWith('ready\n')) markReady();
	});
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
	const done = new Promise<WorkerReport>((resolve, reject) => {
		child.on('close', (code) => {
			markReady();
			const last = stdout.trim().split('\n').pop() ?? '';
			if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as WorkerReport);
			else reject(new Error(`worker ${args.worker} exited with ${code}: ${stderr || stdout}`));
		});
	});
	return { child, ready, done };
}

/** Starts `count` processes, lets them all open the store, then releases them at once. */
export async function runWorkers(config: StoreConfig, count: number, iterations: number): Promise<WorkerReport[]> {
	const running = Array.from({ length: count }, (_, worker) => start({ config, worker, iterations }));
	await Promise.all(running.map((r) => r.ready));
	for (const { child } of running) child.stdin.end('go\n');
	return Promise.all(running.map((r) => r.done));
}
