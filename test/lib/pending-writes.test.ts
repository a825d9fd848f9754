import { PendingWrites } from '../../lib/send';

describe('PendingWrites', () => {
	it('waits for every write and returns only the errors of those that failed', async () => {
		const pending = new PendingWrites();
		const done: string[] = [];
		const later = (name: string, ms: number, fail = false) =>
			new Promise((resolve, reject) =>
				setTimeout(() => {
					done.push(name);
					if (fail) reject(new Error(`${name} failed`));
					else resolve(name);
				}, ms),
			);
		pending.add(later('a', 30));
		pending.add(later('b', 5, true));
		pending.add(later('c', 15));
		const errors = await pending.settle();
		expect(done.sort()).toEqual(['a', 'b', 'c']);
		expect(errors.map((error) => (error as Error).message)).toEqual(['b failed']);
	});

	it('settles to no errors when nothing was added', async () => {
		expect(await new PendingWrites().settle()).toEqual([]);
	});
});
