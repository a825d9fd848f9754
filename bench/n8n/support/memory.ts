/** Resident memory of a process, sampled from /proc/<pid>/status (Linux). */
import fs from 'node:fs';

/** VmRSS and VmHWM (peak RSS since the process started) in bytes, or undefined once it is gone. */
export function readRss(pid: number): { rss: number; hwm: number } | undefined {
	let status: string;
	try {
		status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	} catch {
		return undefined;
	}
	const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
	return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

/** Samples a process's RSS every `intervalMs`; stop() returns the peak and the last sample. */
export function sampleRss(pid: number, intervalMs = 1000): { stop(): { peak: number; last: number; samples: number } } {
	let peak = 0;
	let last = 0;
	let samples = 0;
	const take = () => {
		const now = readRss(pid);
		if (!now) return;
		samples++;
		last = now.rss;
		peak = Math.max(peak, now.rss);
	};
	take();
	const timer = setInterval(take, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			take();
			return { peak, last, samples };
		},
	};
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
