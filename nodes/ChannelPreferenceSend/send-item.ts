/**
 * One item from input to outcome: contact and visit, visit check, quiet hours, content, channel
 * gate (consent, WhatsApp window), claim, frequency cap, then the fallback loop (lib/send).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chooseChannel, type Channel } from '../../lib/channel';
import {
	appendDecision,
	buildIdempotencyKey,
	claimAttempt,
	quietHoursDecision,
	runFallback,
	type PendingWrites,
	type Attempt,
	type AttemptRecord,
	type Blockers,
	type TraceStep,
} from '../../lib/send';
import type { ClaimMessageInput, JourneyStore } from '../../lib/store';
import { readContactLookup } from '../shared/contact-properties';
import type { ItemResult } from '../shared/item-loop';
import { applyFrequencyCap, finishFallback, skipWithoutChannel } from './outcomes';
import { renderContent, templateVariables } from './content';
import { deliver, type Delivery, type DeliveryContext } from './delivery';
import { fieldError } from './errors';
import { candidatesOf, channelGate, visitSkipReason } from './guards';
import { blank, deferred, done, duplicate } from './output';
import { readSendParams, type SendParams } from './params';
import type { ReadAhead } from './read-ahead';
import { itemVisit, resolveRecipient } from './recipient';
import type { Senders } from './senders';

export interface SendEnv {
	ctx: IExecuteFunctions;
	store: JourneyStore;
	/** The run's read-ahead (read-ahead.ts); items read through it when present. */
	readAhead?: ReadAhead;
	senders: Senders;
	trackingSecret: () => string;
	/** "sent" updates, awaited before the node returns (see lib/send/pending-writes.ts). */
	pending: PendingWrites;
}

export function providerName(params: SendParams, channel: Channel): string {
	if (channel === 'whatsapp') return params.providers.whatsapp === 'whatsAppCloud' ? 'whatsapp' : 'outbox';
	return channel === 'sms' ? params.providers.sms : params.providers.email;
}

export async function sendItem(env: SendEnv, itemIndex: number, item: INodeExecutionData): Promise<ItemResult> {
	const { ctx } = env;
	const store = env.readAhead?.storeFor(itemIndex) ?? env.store;
	const params = readSendParams(ctx, itemIndex);
	const json = item.json as IDataObject;
	if (params.providers.email === 'smtp' && !params.emailFrom) throw fieldError('Email From', 'is empty: SMTP needs a sender address');
	const recipient = await resolveRecipient(store, readContactLookup(ctx, itemIndex), json, params.options.defaultRegion, params.options.defaultLocale);
	const contactId = recipient.contact.id;
	const visit = itemVisit(json);
	const stored = visit ? await store.getVisit({ externalId: visit.id }) : null;
	const key =
		params.options.idempotencyKey ||
		buildIdempotencyKey({
			workflowId: String(ctx.getWorkflow().id ?? ''),
			nodeName: ctx.getNode().name,
			contactId,
			visitId: visit?.id,
			visitVersion: visit?.version,
			step: params.step,
		});
	const skip = visitSkipReason(stored, visit, params.options.visitCheck);
	if (skip) return done(json, { ...blank(key), status: 'skipped: visit changed', reason: skip });

	const now = Date.now();
	const rules = params.window ? { ...params.window, zone: params.window.zone || recipient.zone } : null;
	if (rules) {
		const quiet = quietHoursDecision(rules, now);
		if (!quiet.send) return deferred(json, { ...blank(key), deferredUntil: quiet.deferredUntil, reason: `quiet hours: ${quiet.explanation}` });
	}
	const zone = rules?.zone || recipient.zone || ctx.getTimezone();
	const content = renderContent(params, recipient.locale, templateVariables(params, recipient, visit, zone));

	const gate = await channelGate(store, contactId, {
		candidates: candidatesOf(params.policy, params.order),
		purpose: params.purpose,
		consentCollectedElsewhere: params.options.consentCollectedElsewhere,
		whatsAppTemplate: params.whatsAppTemplate !== null,
		now,
	});
	const blockers: Blockers = { ...gate.blockers };
	const choose = (current: Blockers) =>
		chooseChannel({
			policy: params.policy,
			order: params.order,
			contact: { phone: recipient.phone, email: recipient.email },
			defaultRegion: params.options.defaultRegion,
			blockers: current,
		});
	const trace: TraceStep[] = [];
	const first = choose(blockers);
	appendDecision(trace, first);
	const claimInput = (channel: Channel, status?: ClaimMessageInput['status']): Omit<ClaimMessageInput, 'idempotencyKey'> => ({
		contactId,
		channel,
		purpose: params.purpose,
		visitId: stored?.id ?? null,
		visitVersion: visit?.version ?? null,
		provider: providerName(params, channel),
		body: content.text,
		...(status ? { status } : {}),
	});
	if (!first.channel || !first.address) {
		const fallbackChannel = first.candidates[0] ?? 'sms';
		return await skipWithoutChannel(store, json, key, trace, claimInput(fallbackChannel, 'suppressed'));
	}

	const claim = await claimAttempt(store, key, claimInput(first.channel));
	if (claim.kind === 'duplicate') return duplicate(json, key, trace, claim.message);
	if (claim.kind === 'exhausted') throw new Error(`the message "${key}" failed too many times; not trying again`);
	if (params.cap) {
		const capped = await applyFrequencyCap({ store, json, key, trace, cap: params.cap, contactId, messageId: claim.message.id, now, rules });
		if (capped) return capped;
	}

	const deliveryContext: DeliveryContext = {
		params,
		content,
		visit,
		senders: env.senders,
		whatsAppWindowOpen: gate.whatsAppWindowOpen,
		idempotencyKey: key,
		trackingSecret: env.trackingSecret,
	};
	const result = await runFallback<Delivery>(
		{ channel: first.channel, address: first.address, message: claim.message, attempt: claim.attempt },
		blockers,
		trace,
		{
			choose,
			claim: async (channel, fromAttempt) => await claimAttempt(store, key, claimInput(channel), fromAttempt),
			deliver: async (attempt) => await deliver(deliveryContext, attempt),
			record: async (attempt, record) => await recordAttempt(env, attempt, record),
		},
	);
	return finishFallback(ctx, itemIndex, json, key, trace, result);
}

async function recordAttempt({ store, pending }: SendEnv, attempt: Attempt, record: AttemptRecord<Delivery>): Promise<void> {
	if (record.status === 'sent') {
		pending.add(
			store.updateMessage(attempt.message.id, {
				status: 'sent',
				provider: record.delivery.provider,
				providerMessageId: record.delivery.providerMessageId,
				body: record.delivery.text,
			}),
		);
	} else if (record.status === 'failed') {
		await store.updateMessage(attempt.message.id, { status: 'failed', error: record.error.message });
	} else {
		// Unknown outcome: the row stays 'claimed', so nothing re-sends it automatically.
		await store.updateMessage(attempt.message.id, { error: `outcome unknown: ${record.error.message}` });
	}
}
