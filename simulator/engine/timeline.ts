/** What happened when, in virtual time: the harness's record of every journey it ran. */
import type { ITaskData } from 'n8n-workflow';

export type TimelineKind = 'start' | 'node' | 'park' | 'resume' | 'finish' | 'error' | 'action';

export interface TimelineEntry {
	at: string;
	executionId: string;
	kind: TimelineKind;
	node?: string;
	/** Items per output of the node, e.g. [1, 0] for an If that went down its first output. */
	outputs?: number[];
	detail?: string;
	/** For 'node': what the node put out in this run (n8n drops a parked node's entry from runData on resume; this keeps it). */
	task?: ITaskData;
}

export class Timeline {
	readonly entries: TimelineEntry[] = [];

	add(entry: TimelineEntry): void {
		this.entries.push(entry);
	}

	forExecution(executionId: string): TimelineEntry[] {
		return this.entries.filter((entry) => entry.executionId === executionId);
	}

	/** Readable lines such as "2027-04-13T06:00:00.000Z exec-1 node Email reminder [1]". */
	lines(): string[] {
		return this.entries.map((e) =>
			[e.at, e.executionId, e.kind, e.node ?? '', e.outputs ? `[${e.outputs.join(',')}]` : '', e.detail ?? '']
				.filter(Boolean)
				.join(' '),
		);
	}
}
