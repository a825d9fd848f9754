/** What every benchmark prints: the machine, the load, medians, percentiles. */
import os from 'node:os';

export const load = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');

export function machine(): string {
	return `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load()}`;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const seconds = (since: number) => (performance.now() - since) / 1000;

export function header(title: string, command: string, description: string): void {
	console.log(`# ${title}\n${new Date().toISOString()} · ${machine()}\n$ ${command}\n${description}\n`);
}

/** The command line as typed (for the results file). */
export const commandLine = (script: string) => `node --disable-warning=ExperimentalWarning -r ./test/store/support/register-ts.js ${script} ${process.argv.slice(2).join(' ')}`.trim();

/** Runs a benchmark's main; any error ends the process with code 1 (after its own clean-up). */
export function runMain(main: () => Promise<void>): void {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
