import { evaluateMilestone, type MilestoneSpec } from '../../../nodes/LoyaltyCounter/milestone';

const ninthOfTen: MilestoneSpec = { type: 'everyNth', every: 10, reachedAt: 9 };
const points = (mode: 'crossing' | 'atOrAbove'): MilestoneSpec => ({ type: 'threshold', threshold: 2250, mode });
const change = (previous: number, value: number) => ({ previous, value, duplicate: false, changed: true });
const check = (value: number) => ({ previous: value, value, duplicate: false, changed: false });

describe('milestones', () => {
	it.each([
		['the 9th visit', change(8, 9), true, 9],
		['the 10th visit', change(9, 10), false, 19],
		['the 19th visit', change(18, 19), true, 19],
		['an add of 20 that passes 19', change(5, 25), true, 19],
		['a subtraction back onto 9', change(12, 9), false, 19],
		['Get at 19', check(19), true, 19],
		['Get at 20', check(20), false, 29],
		['Get below the first step', check(3), false, 9],
	])('every 10th at 9: %s', (_case, move, reached, target) => {
		expect(evaluateMilestone(ninthOfTen, move)).toEqual({ type: 'everyNth', reached, target });
	});

	it.each([
		['crossing', change(2240, 2250), true],
		['crossing', change(2250, 2260), false],
		['crossing', change(2300, 2200), false],
		['crossing', check(2300), true],
		['atOrAbove', change(2250, 2260), true],
		['atOrAbove', change(2300, 2200), false],
	] as const)('threshold 2,250 %s: %o', (mode, move, reached) => {
		expect(evaluateMilestone(points(mode), move)).toEqual({ type: 'threshold', reached, target: 2250 });
	});

	it('a duplicate add reaches nothing, whatever the mode', () => {
		const duplicate = { previous: 2300, value: 2300, duplicate: true, changed: true };
		expect(evaluateMilestone(points('atOrAbove'), duplicate).reached).toBe(false);
		expect(evaluateMilestone({ type: 'everyNth', every: 10, reachedAt: 10 }, { ...duplicate, value: 10, previous: 10 }).reached).toBe(false);
	});
});
