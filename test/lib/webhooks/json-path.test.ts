import { getPath, parseJsonPath } from '../../../lib/webhooks';

describe('JSON paths for field mapping', () => {
	it.each([
		['booking.client.phone', ['booking', 'client', 'phone']],
		['$.attendees[0].email', ['attendees', 0, 'email']],
		['data["first name"]', ['data', 'first name']],
		["a['it\\'s']", ['a', "it's"]],
		['x-id.y', ['x-id', 'y']],
	])('%s', (path, steps) => {
		expect(parseJsonPath(path)).toEqual(steps);
	});

	it('refuses what is not a path', () => {
		for (const bad of ['a..b', 'a[x]', 'a[', '.', 'a b']) expect(parseJsonPath(bad)).toBeNull();
	});

	it('reads own properties only, indices only on arrays', () => {
		const value = { a: [{ b: 1 }], c: { length: 2 } };
		expect(getPath(value, ['a', 0, 'b'])).toBe(1);
		expect(getPath(value, ['a', 'length'])).toBeUndefined();
		expect(getPath(value, ['c', 0])).toBeUndefined();
		expect(getPath(value, ['constructor'])).toBeUndefined();
		expect(getPath(value, ['a', 1, 'b'])).toBeUndefined();
	});
});
