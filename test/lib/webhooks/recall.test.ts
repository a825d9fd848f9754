import { recallWindow } from '../../../lib/webhooks';

describe('recall window', () => {
	it('is [now − delay − catch-up, now − delay): a visit is due once its end plus the delay has passed', () => {
		expect(recallWindow({ now: '2027-04-13T06:00:00.000Z', delayDays: 180, catchUpDays: 7 })).toEqual({
			endedAfter: '2026-10-08T06:00:00.000Z',
			endedBefore: '2026-10-15T06:00:00.000Z',
		});
	});

	it('counts days as 24 hours of UTC, so the window does not shift with DST', () => {
		expect(recallWindow({ now: '2027-03-29T06:00:00.000Z', delayDays: 1, catchUpDays: 1 })).toEqual({
			endedAfter: '2027-03-27T06:00:00.000Z',
			endedBefore: '2027-03-28T06:00:00.000Z',
		});
	});
});
