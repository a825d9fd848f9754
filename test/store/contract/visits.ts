import type { VisitInput } from '../../../lib/store';
import type { ContractContext } from './context';
import { errorCode, newContact, unique } from './context';

export function visitsContract(ctx: ContractContext): void {
	async function booked(extra: Partial<VisitInput> = {}) {
		const contact = await newContact(ctx.store);
		const input: VisitInput = {
			externalId: unique('visit'),
			contactId: contact.id,
			service: 'cleaning',
			location: 'main-street',
			staff: 'dr-who',
			startAt: '2030-05-01T09:00:00Z',
			endAt: '2030-05-01T09:30:00Z',
			...extra,
		};
		const result = await ctx.store.upsertVisit(input);
		return { input, result, contact };
	}

	describe('visits', () => {
		it('creates at version 1, scheduled', async () => {
			const { result, input } = await booked();
			expect(result).toMatchObject({ created: true, changed: true, versionBumped: false });
			expect(result.visit).toMatchObject({
				externalId: input.externalId, status: 'scheduled', version: 1,
				startAt: '2030-05-01T09:00:00.000Z', endAt: '2030-05-01T09:30:00.000Z',
			});
		});

		it('the same slot, also written with another offset, is no change', async () => {
			const { input, result } = await booked();
			expect(await ctx.store.upsertVisit(input)).toEqual({ visit: result.visit, created: false, changed: false, versionBumped: false });
			const shifted = { ...input, startAt: '2030-05-01T11:00:00+02:00', endAt: '2030-05-01T11:30:00.000+02:00' };
			expect(await ctx.store.upsertVisit(shifted)).toMatchObject({ changed: false, versionBumped: false, visit: { version: 1 } });
		});

		it('omitted optional fields keep their values', async () => {
			const { input } = await booked();
			const again = await ctx.store.upsertVisit({ externalId: input.externalId, contactId: input.contactId, startAt: input.startAt });
			expect(again).toMatchObject({ changed: false, visit: { service: 'cleaning', location: 'main-street', version: 1 } });
		});

		it.each([
			['startAt', { startAt: '2030-05-02T09:00:00Z', endAt: '2030-05-02T09:30:00Z' }],
			['endAt', { endAt: '2030-05-01T10:00:00Z' }],
			['service', { service: 'whitening' }],
			['location', { location: 'harbour' }],
			['location cleared', { location: null }],
		])('a real slot change (%s) bumps the version and reschedules', async (_name, change) => {
			const { input } = await booked();
			const result = await ctx.store.upsertVisit({ ...input, ...change });
			expect(result).toMatchObject({ changed: true, versionBumped: true, visit: { version: 2, status: 'rescheduled' } });
			const third = await ctx.store.upsertVisit({ ...input, ...change, startAt: '2030-06-01T09:00:00Z', endAt: null });
			expect(third.visit.version).toBe(3);
		});

		it('a staff change is a change without a bump', async () => {
			const { input } = await booked();
			const result = await ctx.store.upsertVisit({ ...input, staff: 'dr-no' });
			expect(result).toMatchObject({ changed: true, versionBumped: false, visit: { version: 1, staff: 'dr-no', status: 'scheduled' } });
		});

		it('an explicit non-booked status wins over rescheduled', async () => {
			const { input } = await booked();
			const result = await ctx.store.upsertVisit({ ...input, startAt: '2030-05-03T09:00:00Z', endAt: null, status: 'cancelled' });
			expect(result.visit).toMatchObject({ status: 'cancelled', version: 2 });
		});

		it("'scheduled' does not downgrade 'rescheduled' on an unchanged slot", async () => {
			const { input } = await booked();
			const moved = { ...input, startAt: '2030-05-04T09:00:00Z', endAt: '2030-05-04T09:30:00Z', status: 'scheduled' as const };
			expect((await ctx.store.upsertVisit(moved)).visit.status).toBe('rescheduled');
			expect(await ctx.store.upsertVisit(moved)).toMatchObject({ changed: false, visit: { status: 'rescheduled', version: 2 } });
		});

		it('status changes never bump the version', async () => {
			const { result, input } = await booked();
			const cancelled = await ctx.store.setVisitStatus({ id: result.visit.id }, 'cancelled');
			expect(cancelled).toMatchObject({ changed: true, visit: { status: 'cancelled', version: 1 } });
			expect(await ctx.store.setVisitStatus({ externalId: input.externalId }, 'cancelled')).toMatchObject({ changed: false });
			const statusOnly = await ctx.store.upsertVisit({ ...input, status: 'attended' });
			expect(statusOnly).toMatchObject({ changed: true, versionBumped: false, visit: { status: 'attended', version: 1 } });
			await expect(ctx.store.setVisitStatus({ id: 'missing' }, 'attended')).rejects.toEqual(errorCode('NOT_FOUND'));
		});

		it('gets by id or externalId', async () => {
			const { result, input } = await booked();
			expect(await ctx.store.getVisit({ id: result.visit.id })).toEqual(result.visit);
			expect(await ctx.store.getVisit({ externalId: input.externalId })).toEqual(result.visit);
			expect(await ctx.store.getVisit({ externalId: 'missing' })).toBeNull();
		});

		it('rejects unknown contacts, instants without offset and end before start', async () => {
			const contact = await newContact(ctx.store);
			const base = { externalId: unique('v'), contactId: contact.id, startAt: '2030-05-01T09:00:00Z' };
			await expect(ctx.store.upsertVisit({ ...base, contactId: 'missing' })).rejects.toEqual(errorCode('NOT_FOUND'));
			await expect(ctx.store.upsertVisit({ ...base, startAt: '2030-05-01T09:00:00' })).rejects.toEqual(errorCode('INVALID_INPUT'));
			await expect(ctx.store.upsertVisit({ ...base, endAt: '2030-05-01T08:00:00Z' })).rejects.toEqual(errorCode('INVALID_INPUT'));
		});

		it('lists visits that ended in a window, with future-visit info (recall)', async () => {
			const service = unique('implant-check');
			const a = await newContact(ctx.store);
			const b = await newContact(ctx.store);
			const visit = (contactId: string, startAt: string, extra: Partial<VisitInput> = {}) =>
				ctx.store.upsertVisit({ externalId: unique('v'), contactId, service, startAt, ...extra });
			await visit(a.id, '2030-01-10T09:00:00Z', { endAt: '2030-01-10T10:00:00Z', status: 'completed' });
			await visit(b.id, '2030-01-20T09:00:00Z', { status: 'completed' });
			await visit(b.id, '2030-03-01T09:00:00Z', { service: 'other' });
			await visit(a.id, '2030-04-01T09:00:00Z', { service: 'other', status: 'cancelled' });
			await visit(a.id, '2030-02-10T09:00:00Z', { status: 'completed' });

			const recall = await ctx.store.listVisits({
				services: [service], endedAfter: '2030-01-01T00:00:00Z', endedBefore: '2030-02-01T00:00:00Z',
				futureAfter: '2030-02-15T00:00:00Z',
			});
			expect(recall.map((v) => [v.contactId, v.startAt, v.hasFutureVisit])).toEqual([
				[a.id, '2030-01-10T09:00:00.000Z', false],
				[b.id, '2030-01-20T09:00:00.000Z', true],
			]);
			const ofA = await ctx.store.listVisits({ contactId: a.id, statuses: ['cancelled'] });
			expect(ofA.map((v) => v.status)).toEqual(['cancelled']);
			expect(await ctx.store.listVisits({ services: [service], endedAfter: '2030-01-10T10:00:00Z', limit: 1 })).toHaveLength(1);
		});

		it('lists every service named on a visit, once, sorted', async () => {
			const contact = await newContact(ctx.store);
			const [b, a] = [unique('Service-b'), unique('Service-a')];
			for (const service of [b, a, b]) {
				await ctx.store.upsertVisit({ externalId: unique('v'), contactId: contact.id, service, startAt: '2030-06-01T09:00:00Z' });
			}
			await ctx.store.upsertVisit({ externalId: unique('v'), contactId: contact.id, startAt: '2030-06-02T09:00:00Z' });
			const services = await ctx.store.listServices();
			expect(services.filter((s) => s === a || s === b)).toEqual([a, b].sort((x, y) => (x < y ? -1 : 1)));
			expect(new Set(services).size).toBe(services.length);
			expect([...services].sort((x, y) => (x < y ? -1 : 1))).toEqual(services);
		});
	});
}
