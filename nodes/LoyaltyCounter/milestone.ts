/**
 * Milestones of a counter. A change (add, set) reaches a milestone when it takes the counter
 * past one: from `previous` (exclusive) to `value` (inclusive), upwards. A check (get) looks at
 * the current value only. An add that was not applied (duplicate dedup key) reaches nothing.
 */
export type MilestoneSpec =
	| { type: 'everyNth'; every: number; reachedAt: number }
	| { type: 'threshold'; threshold: number; mode: 'crossing' | 'atOrAbove' };

export interface MilestoneResult {
	type: MilestoneSpec['type'];
	reached: boolean;
	/** The milestone value reached, else the next one to reach. */
	target: number;
}

export interface CounterMove {
	previous: number;
	value: number;
	/** A duplicate add (its dedup key was counted before): nothing happened, so nothing is reached. */
	duplicate: boolean;
	/** True for add and set, false for get. */
	changed: boolean;
}

/** Highest value of reachedAt, reachedAt + every, reachedAt + 2·every … that is ≤ value. */
function lastStepAtOrBelow(spec: { every: number; reachedAt: number }, value: number): number | undefined {
	if (value < spec.reachedAt) return undefined;
	return spec.reachedAt + Math.floor((value - spec.reachedAt) / spec.every) * spec.every;
}

function everyNth(spec: { every: number; reachedAt: number }, move: CounterMove): MilestoneResult {
	const last = lastStepAtOrBelow(spec, move.value);
	const next = last === undefined ? spec.reachedAt : last + spec.every;
	const reached = last !== undefined && !move.duplicate && (move.changed ? last > move.previous : last === move.value);
	return { type: 'everyNth', reached, target: reached ? last : next };
}

function threshold(spec: { threshold: number; mode: 'crossing' | 'atOrAbove' }, move: CounterMove): MilestoneResult {
	const atOrAbove = move.value >= spec.threshold;
	const crossed = move.previous < spec.threshold && atOrAbove;
	const reached = !move.duplicate && (move.changed && spec.mode === 'crossing' ? crossed : atOrAbove);
	return { type: 'threshold', reached, target: spec.threshold };
}

export function evaluateMilestone(spec: MilestoneSpec, move: CounterMove): MilestoneResult {
	return spec.type === 'everyNth' ? everyNth(spec, move) : threshold(spec, move);
}
