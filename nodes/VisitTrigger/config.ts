/** The Visit Trigger's parameters and secret as lib/webhooks' VisitTriggerConfig. */
import type { IWebhookFunctions } from 'n8n-workflow';

import type { VisitEventType } from '../../lib/journey/item';
import { GENERIC_FIELDS, parseEventTypeValues, type GenericField, type VisitFormat, type VisitTriggerConfig } from '../../lib/webhooks';
import { readAuthConfig, readLimits, triggerParameter } from '../shared/trigger-properties';
import { mappingParameter } from './properties';

export interface VisitTriggerSettings {
	/** The Authentication parameter ("none" needs no secrets). */
	scheme: string;
	/** The check's configuration with the credential's secrets. */
	config: (secrets: string[]) => VisitTriggerConfig;
	events: VisitEventType[];
	includeRaw: boolean;
}

export function readVisitTriggerSettings(ctx: IWebhookFunctions): VisitTriggerSettings {
	const format = triggerParameter<VisitFormat>(ctx, 'format', 'generic');
	const limits = readLimits(ctx);
	const scheme = triggerParameter<string>(ctx, 'authentication', 'hmac');
	const base: Omit<VisitTriggerConfig, 'auth'> = { format, maxBodyBytes: limits.maxBodyBytes, defaultRegion: limits.defaultRegion };
	if (format === 'generic') {
		const mapping = triggerParameter<Record<string, string>>(ctx, 'fieldMapping', {});
		const paths: Partial<Record<GenericField, string>> = {};
		for (const field of GENERIC_FIELDS) {
			const path = mapping[mappingParameter(field)]?.trim();
			if (path) paths[field] = path;
		}
		base.generic = { paths, typeValues: parseEventTypeValues(triggerParameter(ctx, 'eventTypeValues', '')) };
	}
	const options = triggerParameter<{ includeRaw?: boolean }>(ctx, 'options', {});
	return {
		scheme,
		config: (secrets) => ({ ...base, auth: readAuthConfig(ctx, secrets, limits) }),
		events: triggerParameter<VisitEventType[]>(ctx, 'events', []),
		includeRaw: options.includeRaw !== false,
	};
}
