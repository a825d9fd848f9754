/** One item of Tag Contact: find (or create) the contact, apply the operation, report the change. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { JourneyStore, TagChange } from '../../lib/store';
import type { ItemResult } from '../shared/item-loop';
import { fieldError, resolveContact } from '../shared/tag-counter-contact';
import { DOES_NOT_HAVE_TAG, HAS_TAG, type TagOperation } from './properties';
import { matchTags, parseTags, type TagVocabulary } from './tag-names';

export async function tagItem(
	ctx: IExecuteFunctions,
	store: JourneyStore,
	vocabulary: TagVocabulary,
	itemIndex: number,
	item: INodeExecutionData,
): Promise<ItemResult> {
	const operation = ctx.getNodeParameter('operation', itemIndex) as TagOperation;
	const tags = parseTags(ctx.getNodeParameter('tags', itemIndex, []));
	if (tags.length === 0) throw fieldError('Tags', 'no tag given (empty names are ignored)');
	const canCreate = operation === 'add' || operation === 'replace';
	const create = canCreate ? (ctx.getNodeParameter('createContact', itemIndex, true) as boolean) : undefined;
	const contact = await resolveContact(ctx, store, itemIndex, item.json, create);
	const current = await store.getTags(contact.id);

	let change: TagChange = { added: [], removed: [], tags: current };
	let output = 0;
	const extra: IDataObject = {};
	if (operation === 'add') {
		change = await store.addTags(contact.id, await vocabulary.spell(tags, current));
	} else if (operation === 'replace') {
		change = await store.replaceTags(contact.id, await vocabulary.spell(tags, current));
	} else if (operation === 'remove') {
		const present = matchTags(tags, current);
		if (present.length) change = await store.removeTags(contact.id, present);
	} else {
		const matched = matchTags(tags, current);
		const all = ctx.getNodeParameter('match', itemIndex, 'any') === 'all';
		output = (all ? matched.length === tags.length : matched.length > 0) ? HAS_TAG : DOES_NOT_HAVE_TAG;
		extra.matched = matched;
	}
	return {
		output,
		json: { ...item.json, tags: { current: change.tags, added: change.added, removed: change.removed, ...extra } },
	};
}
