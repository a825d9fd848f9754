import { describeSchedule } from '../../lib/time';

describe('describeSchedule', () => {
	it.each([
		[{ offset: { direction: 'before', amount: 2, unit: 'days' }, localTime: '08:00' }, '2 days before · 08:00'],
		[{ offset: { direction: 'before', amount: 1, unit: 'days' }, localTime: '18:00' }, '1 day before · 18:00'],
		[{ offset: { direction: 'after', amount: 3, unit: 'hours' } }, '3 hours after'],
		[{ offset: { direction: 'after', amount: 1, unit: 'months' } }, '1 month (30 days) after'],
		[{ offset: { direction: 'before', amount: 0, unit: 'days' }, localTime: '08:00' }, 'same day · 08:00'],
		[{ localTime: '09:30' }, 'same day · 09:30'],
		[{}, 'at the event time'],
	] as const)('%j → %s', (params, expected) => {
		expect(describeSchedule(params)).toBe(expected);
	});
});
