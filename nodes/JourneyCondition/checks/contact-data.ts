/** Checks on what the Journey Store knows of the contact: a tag, a counter, a custom field. */
import { findContact } from './contact';
import { compare, OPERATORS, readOperator } from './compare';
import type { Check } from './types';

export const tag: Check = async (parameters, store) => {
	const name = parameters.required('tagName', 'Tag', 'tag name');
	const { contact, missing } = await findContact(parameters, store);
	if (!contact) return { outcome: 'Does Not Have Tag', reason: missing };
	const wanted = name.toLowerCase();
	const has = (await store.getTags(contact.id)).some((candidate) => candidate.toLowerCase() === wanted);
	return { outcome: has ? 'Has Tag' : 'Does Not Have Tag', reason: `the contact ${has ? 'has' : 'does not have'} the tag "${name}"` };
};

export const counter: Check = async (parameters, store) => {
	const name = parameters.required('counterName', 'Counter', 'counter name');
	const operator = readOperator(parameters.text('operator', 'equal'));
	const expected = parameters.number('counterValue', 'Value');
	const { contact, missing } = await findContact(parameters, store);
	const value = contact ? await store.getCounter(contact.id, name) : 0;
	const holds = compare(value, operator, expected);
	const reason = `${name} = ${value}${contact ? '' : ` (${missing})`}; ${value} ${OPERATORS[operator]} ${expected} is ${holds}`;
	return { outcome: holds ? 'True' : 'False', reason };
};

export const customField: Check = async (parameters, store) => {
	const name = parameters.required('customFieldName', 'Field Name', 'field name');
	const operator = readOperator(parameters.text('operator', 'equal'));
	const expected = parameters.get('fieldValue', '');
	const { contact, missing } = await findContact(parameters, store);
	if (!contact) return { outcome: 'False', reason: missing };
	const value = contact.customFields[name];
	const holds = compare(value, operator, expected);
	const shown = value === undefined ? '(not set)' : JSON.stringify(value);
	return { outcome: holds ? 'True' : 'False', reason: `${name} = ${shown}; ${OPERATORS[operator]} ${JSON.stringify(expected)} is ${holds}` };
};
