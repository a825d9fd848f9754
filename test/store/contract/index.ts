import { openStore } from '../../../lib/store';
import { atomicContract } from './atomic';
import { consentContract } from './consent';
import { counterBatchContract } from './counter-batch';
import { counterExpiryContract } from './counter-expiry';
import { contactsContract } from './contacts';
import type { ContractContext, StoreHarness } from './context';
import { journeyRunsContract } from './journey-runs';
import { lifecycleContract } from './lifecycle';
import { eventsContract, messagesContract } from './messages-events';
import { readBatchContract } from './read-batch';
import { countersContract, tagsContract } from './tags-counters';
import { visitsContract } from './visits';
import { waitersContract } from './waiters';

export type { StoreHarness } from './context';

/** The behaviour every JourneyStore backend must show, identically. */
export function describeStoreContract(name: string, harness: StoreHarness): void {
	describe(`JourneyStore contract: ${name}`, () => {
		const ctx = {} as ContractContext;

		beforeAll(async () => {
			ctx.config = await harness.freshConfig();
			ctx.store = await openStore(ctx.config);
		});

		afterAll(async () => {
			await ctx.store?.close();
			if (ctx.config) await harness.dispose(ctx.config);
		});

		lifecycleContract(ctx, harness);
		contactsContract(ctx);
		consentContract(ctx);
		visitsContract(ctx);
		tagsContract(ctx);
		countersContract(ctx);
		counterExpiryContract(ctx);
		counterBatchContract(ctx);
		messagesContract(ctx);
		eventsContract(ctx);
		waitersContract(ctx);
		journeyRunsContract(ctx);
		atomicContract(ctx);
		readBatchContract(ctx);
	});
}
