import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { JourneyHarness } from '../../harness';
import { closeAllStores, type JourneyStore } from '../../../lib/store';
import { TagContact } from '../../../nodes/TagContact/TagContact.node';
import { fixture, jsonOf, sqliteCredential, storeFor, visitItem, withNode } from './support';

const START = '2027-04-15T10:00:00.000Z';

describe('Tag Contact (real engine, SQLite Journey Store)', () => {
	let credential: ReturnType<typeof sqliteCredential>;
	let store: JourneyStore;
	let harness: JourneyHarness;

	const tagRun = async (operation: string, items: ReturnType<typeof visitItem>[], parameters = {}, settings = {}) => {
		const workflow = withNode(fixture('tag-operations'), 'Tag Contact', { operation, ...parameters }, settings);
		return harness.start(workflow, { items });
	};
	const tagsOf = async (externalId: string) => store.getTags((await store.findContact({ externalId }))!.id);
	const seed = async (externalId: string, tags: string[]) => {
		const { contact } = await store.upsertContact({ externalId, name: 'Seeded' });
		if (tags.length) await store.addTags(contact.id, tags);
	};

	beforeEach(async () => {
		credential = sqliteCredential();
		store = await storeFor(credential);
		harness = await JourneyHarness.create({ start: START, credentials: { journeyStoreApi: credential } });
	});

	afterEach(async () => {
		await harness.dispose();
		await closeAllStores();
	});

	it('tags a no-show (creating the contact from the item) and a later journey, in a new process, branches on it', async () => {
		const first = await harness.start(fixture('s1-tag-no-show'), { items: [visitItem('p-1', 'v-1')] });
		expect(first.status).toBe('success');
		const [tagged] = jsonOf(harness.output(first, 'Tag no-show'));
		expect(tagged.tags).toEqual({ current: ['no-show'], added: ['no-show'], removed: [] });
		// The input item is kept for the nodes downstream.
		expect(tagged.visit).toEqual(visitItem('p-1', 'v-1').json.visit);
		expect(await store.findContact({ externalId: 'p-1' })).toMatchObject({
			name: 'Anna Nowak',
			email: 'p-1@example.com',
			timeZone: 'Europe/Warsaw',
			locale: 'pl-PL',
		});
		await seed('p-2', ['vip']);

		// Another n8n process: the store is opened afresh from the same file.
		await harness.dispose();
		await closeAllStores();
		harness = await JourneyHarness.create({ start: START, credentials: { journeyStoreApi: credential } });
		const later = await harness.start(fixture('later-journey-skips-no-shows'), {
			items: [visitItem('p-1', 'v-2'), visitItem('p-2', 'v-3')],
		});
		expect(later.status).toBe('success');
		expect(jsonOf(harness.output(later, 'Ask to confirm by phone')).map((json) => json.tags)).toEqual([
			{ current: ['no-show'], added: [], removed: [], matched: ['no-show'] },
		]);
		expect(jsonOf(harness.output(later, 'Usual reminder')).map((json) => (json.contact as { id: string }).id)).toEqual(['p-2']);
	});

	it('adds tags from a comma-separated string or an array: trimmed, empties ignored, case-insensitive, idempotent', async () => {
		const first = await tagRun('add', [visitItem('p-1', 'v-1', { tags: ' no-show , Active Contact,, ' })]);
		expect(jsonOf(harness.output(first, 'First output'))[0].tags).toEqual({
			current: ['Active Contact', 'no-show'],
			added: ['Active Contact', 'no-show'],
			removed: [],
		});

		const again = await tagRun('add', [
			visitItem('p-1', 'v-2', { tags: ['NO-SHOW', 'active contact', 'vip', 'VIP'] }),
			// Another contact: the spelling already used in the store wins.
			visitItem('p-3', 'v-3', { tags: ['ACTIVE CONTACT'] }),
		]);
		expect(jsonOf(harness.output(again, 'First output')).map((json) => json.tags)).toEqual([
			{ current: ['Active Contact', 'no-show', 'vip'], added: ['vip'], removed: [] },
			{ current: ['Active Contact'], added: ['Active Contact'], removed: [] },
		]);

		const replay = await tagRun('add', [visitItem('p-1', 'v-2', { tags: ['no-show', 'vip'] })]);
		expect(jsonOf(harness.output(replay, 'First output'))[0].tags).toMatchObject({ added: [], removed: [] });
		expect(await store.listTagNames()).toEqual(['Active Contact', 'no-show', 'vip']);
	});

	it('removes tags whatever their case, and replace leaves exactly the given tags', async () => {
		await seed('p-1', ['no-show', 'vip', 'Active Contact']);
		const removed = await tagRun('remove', [visitItem('p-1', 'v-1', { tags: 'NO-SHOW, never-had' })]);
		expect(jsonOf(harness.output(removed, 'First output'))[0].tags).toEqual({
			current: ['Active Contact', 'vip'],
			added: [],
			removed: ['no-show'],
		});

		const replaced = await tagRun('replace', [visitItem('p-1', 'v-2', { tags: 'active contact, newsletter' })]);
		expect(jsonOf(harness.output(replaced, 'First output'))[0].tags).toEqual({
			current: ['Active Contact', 'newsletter'],
			added: ['newsletter'],
			removed: ['vip'],
		});
		expect(await tagsOf('p-1')).toEqual(['Active Contact', 'newsletter']);
	});

	it('checks tags (any or all, case-insensitive) and routes to Has Tag / Does Not Have Tag', async () => {
		await seed('p-1', ['vip']);
		const items = [
			visitItem('p-1', 'v-1', { check: 'one', tags: 'VIP' }),
			visitItem('p-1', 'v-2', { check: 'both', tags: 'vip, gold' }),
			visitItem('p-1', 'v-3', { check: 'other', tags: 'gold' }),
		];
		const checks = (run: Awaited<ReturnType<typeof tagRun>>, output: string) =>
			jsonOf(harness.output(run, output)).map((json) => json.check);

		const any = await tagRun('hasTag', items, { match: 'any' });
		expect(checks(any, 'First output')).toEqual(['one', 'both']);
		expect(checks(any, 'Second output')).toEqual(['other']);
		expect(jsonOf(harness.output(any, 'First output'))[1].tags).toEqual({ current: ['vip'], added: [], removed: [], matched: ['vip'] });

		const all = await tagRun('hasTag', items, { match: 'all' });
		expect(checks(all, 'First output')).toEqual(['one']);
		expect(checks(all, 'Second output')).toEqual(['both', 'other']);
		expect(await tagsOf('p-1')).toEqual(['vip']);
	});

	it('fails an item with an unknown contact or no tags, naming the field and the item', async () => {
		const noCreate = await tagRun('add', [visitItem('p-missing', 'v-1', { tags: 'vip' })], { createContact: false });
		expect(noCreate.status).toBe('error');
		expect(noCreate.errorMessage).toBe(
			'Item 0: Contact ID: contact "p-missing" was not found in the Journey Store (turn on "Create Contact If Missing" to create it, or check the lookup)',
		);
		expect(await store.findContact({ externalId: 'p-missing' })).toBeNull();

		const remove = await tagRun('remove', [visitItem('p-missing', 'v-1', { tags: 'vip' })]);
		expect(remove.errorMessage).toBe('Item 0: Contact ID: contact "p-missing" was not found in the Journey Store (check the lookup)');

		const empty = await tagRun('add', [visitItem('p-1', 'v-1', { tags: 'vip' }), visitItem('p-1', 'v-2', { tags: ' , ' })]);
		expect(empty.errorMessage).toBe('Item 1: Tags: no tag given (empty names are ignored)');

		const badEmail = await tagRun('add', [visitItem('p-1', 'v-1', { tags: 'vip' })], {
			contactLookup: 'email',
			contactEmail: 'not-an-address',
		});
		expect(badEmail.errorMessage).toMatch(/^Item 0: Contact Email: Journey Store: email is not an address/);

		const badPhone = visitItem('p-5', 'v-1', { tags: 'vip' });
		(badPhone.json.contact as { phone: string }).phone = '601 234 567';
		const cannotCreate = await tagRun('add', [badPhone]);
		expect(cannotCreate.errorMessage).toMatch(/^Item 0: contact: cannot create the contact from the item: Journey Store: phone must be E\.164/);
	});

	it('with "continue on fail" turns a bad item into an error item on Does Not Have Tag, or on the error output', async () => {
		await seed('p-1', ['vip']);
		const items = [
			visitItem('p-1', 'v-1', { tags: 'vip' }),
			visitItem('p-missing', 'v-2', { tags: 'vip' }),
			visitItem('p-1', 'v-3', { tags: 'gold' }),
		];
		const regular = await tagRun('hasTag', items, {}, { onError: 'continueRegularOutput' });
		expect(regular.status).toBe('success');
		expect(harness.output(regular, 'Tag Contact', 0).map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		const otherwise = harness.output(regular, 'Tag Contact', 1);
		expect(otherwise.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(otherwise[0].json).toEqual({
			error: 'Item 1: Contact ID: contact "p-missing" was not found in the Journey Store (check the lookup)',
		});

		const errorOutput = await tagRun('hasTag', items, {}, { onError: 'continueErrorOutput' });
		expect(errorOutput.status).toBe('success');
		expect(harness.output(errorOutput, 'Tag Contact', 1).map((item) => item.pairedItem)).toEqual([{ item: 2 }]);
		const [failed] = harness.output(errorOutput, 'Tag Contact', 2);
		expect(failed.json.error).toMatch(/^Item 1: Contact ID: contact "p-missing" was not found/);
		// n8n adds the input item's data to an error-output item.
		expect((failed.json.contact as { id: string }).id).toBe('p-missing');
	});

	it('offers the tags in use in its dropdown and shows what it will do in the subtitle and outputs', async () => {
		await seed('p-1', ['vip', 'no-show']);
		const node = new TagContact();
		const context = {
			getNode: () => ({ credentials: { journeyStoreApi: { id: '1', name: 'Journey Store' } } }),
			getCredentials: async () => credential,
		};
		const options = await node.methods.loadOptions.getTagNames.call(context as never);
		expect(options).toEqual([
			{ name: 'no-show', value: 'no-show' },
			{ name: 'vip', value: 'vip' },
		]);

		const run = await harness.start(fixture('later-journey-skips-no-shows'), { items: [visitItem('p-1', 'v-1')] });
		const description = node.description as INodeTypeDescription;
		const check = run.workflow.getNode('Was a no-show?')!;
		expect(run.workflow.expression.getSimpleParameterValue(check, description.subtitle!, 'internal', {})).toBe('has "no-show"');
		expect(NodeHelpers.getNodeOutputs(run.workflow, check, description)).toEqual([
			{ type: 'main', displayName: 'Has Tag' },
			{ type: 'main', displayName: 'Does Not Have Tag' },
		]);
		const subtitleOf = (nodeRun: typeof run, name: string) =>
			nodeRun.workflow.expression.getSimpleParameterValue(nodeRun.workflow.getNode(name)!, description.subtitle!, 'internal', {});
		const tagged = await harness.start(fixture('s1-tag-no-show'), { items: [visitItem('p-1', 'v-1')] });
		expect(subtitleOf(tagged, 'Tag no-show')).toBe('add "no-show"');
		expect(NodeHelpers.getNodeOutputs(tagged.workflow, tagged.workflow.getNode('Tag no-show')!, description)).toEqual([{ type: 'main' }]);
		const fromItems = await tagRun('replace', [visitItem('p-1', 'v-1', { tags: 'vip' })]);
		expect(subtitleOf(fromItems, 'Tag Contact')).toBe('replace with (expression)');
	});
});
