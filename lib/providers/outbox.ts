/** The default provider: nothing leaves the machine; the node records the message in the store and its output. */
import type { MessageSender, SendResult } from './types';

export function outboxSender<M>(): MessageSender<M> {
	return {
		provider: 'outbox',
		async send(): Promise<SendResult> {
			return { provider: 'outbox', providerMessageId: null };
		},
	};
}
