import { DateTime } from 'luxon';

import { DomainInputError, type SendTimeInput, computeSendTime } from '../../lib/time';

const valid: SendTimeInput = {
	anchor: '2027-04-15T10:00:00',
	zone: 'Europe/Warsaw',
	offset: { direction: 'before', amount: 2, unit: 'days' },
	localTime: '08:00',
	window: { start: '08:00', end: '20:00' },
	now: '2027-01-01T00:00:00Z',
};

function errorFor(overrides: Record<string, unknown>): DomainInputError {
	try {
		computeSendTime({ ...valid, ...overrides } as SendTimeInput);
	} catch (error) {
		if (error instanceof DomainInputError) return error;
		throw error;
	}
	throw new Error('expected a DomainInputError');
}

describe('computeSendTime rejects bad input with DomainInputError naming the field', () => {
	it.each([
		['unknown zone', { zone: 'Mars/Olympus' }, 'zone', /unknown time zone "Mars\/Olympus"/],
		['unknown fallback zone', { fallbackZone: 'Europe/Atlantis' }, 'fallbackZone', /unknown time zone/],
		['no zone and no fallback', { zone: '' }, 'fallbackZone', /no time zone and no fallback/],
		['unparsable anchor', { anchor: 'next Tuesday' }, 'anchor', /cannot read "next Tuesday"/],
		['impossible date', { anchor: '2027-02-30T10:00:00' }, 'anchor', /cannot read/],
		['missing anchor', { anchor: undefined }, 'anchor', /expected an ISO 8601/],
		['invalid DateTime anchor', { anchor: DateTime.invalid('broken') }, 'anchor', /invalid date/],
		['unparsable now', { now: '31/12/2027' }, 'now', /cannot read/],
		['bad local time', { localTime: '8 am' }, 'localTime', /HH:mm/],
		['local time 24:00', { localTime: '24:00' }, 'localTime', /HH:mm/],
		['negative amount', { offset: { direction: 'before', amount: -2, unit: 'days' } }, 'offset.amount', /≥ 0/],
		['fractional days', { offset: { direction: 'before', amount: 1.5, unit: 'days' } }, 'offset.amount', /whole number/],
		['unknown unit', { offset: { direction: 'before', amount: 2, unit: 'weeks' } }, 'offset.unit', /weeks/],
		['unknown direction', { offset: { direction: 'around', amount: 2, unit: 'days' } }, 'offset.direction', /before/],
		['bad window start', { window: { start: '25:00', end: '20:00' } }, 'window.start', /HH:mm/],
		['window end before start', { window: { start: '20:00', end: '08:00' } }, 'window.end', /over midnight is not supported/],
		['empty window', { window: { start: '08:00', end: '08:00' } }, 'window.end', /after window.start/],
		['no weekdays', { weekdays: [] }, 'weekdays', /at least one/],
		['weekday 0', { weekdays: [0, 1] }, 'weekdays', /1 \(Monday\)/],
		['unknown country', { holidays: { country: 'XX' } }, 'holidays.country', /unknown country code "XX"/],
		['unknown region', { holidays: { country: 'US', region: 'ZZ' } }, 'holidays.region', /unknown region "ZZ" for US/],
		['region without country', { holidays: { region: 'NY' } }, 'holidays.region', /needs holidays.country/],
		['bad custom date', { holidays: { custom: ['2027-13-01'] } }, 'holidays.custom', /YYYY-MM-DD/],
		['unknown past-due policy', { pastDue: 'later' }, 'pastDue', /sendNowIfInWindow/],
	])('%s', (_name, overrides, field, message) => {
		const error = errorFor(overrides);
		expect(error.field).toBe(field);
		expect(error.message).toMatch(message);
		expect(error.message.startsWith(`${field}: `)).toBe(true);
	});

	it('is an Error with a recognisable name', () => {
		const error = errorFor({ zone: 'Nowhere/Town' });
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('DomainInputError');
	});
});

describe('accepted input variants', () => {
	it('accepts blank optional strings as absent', () => {
		const result = computeSendTime({ ...valid, localTime: '', zone: '  ', fallbackZone: 'Europe/Warsaw' });
		expect(result.iso).toBe('2027-04-13T10:00:00+02:00');
	});

	it('accepts 24:00 as the end of the window and single-digit hours', () => {
		const result = computeSendTime({ ...valid, localTime: '23:30', window: { start: '7:00', end: '24:00' } });
		expect(result.iso).toBe('2027-04-13T23:30:00+02:00');
	});

	it('accepts epoch milliseconds and fractional seconds', () => {
		const ms = Date.parse('2027-04-15T08:00:00Z');
		expect(computeSendTime({ ...valid, anchor: ms }).iso).toBe('2027-04-13T08:00:00+02:00');
		expect(computeSendTime({ ...valid, anchor: '2027-04-15T10:00:00.123456+02:00' }).iso).toBe('2027-04-13T08:00:00+02:00');
	});

	it('treats a month as exactly 30 days', () => {
		const result = computeSendTime({ ...valid, offset: { direction: 'after', amount: 1, unit: 'months' }, now: valid.now });
		expect(result.iso).toBe('2027-05-15T08:00:00+02:00');
		expect(result.explanation).toContain('1 month (30 days) after the event');
	});
});
