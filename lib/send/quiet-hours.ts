/** The send-time guard: outside the window, on a closed weekday or a holiday → defer to the next opening. */
import { computeSendTime, type HolidayRules, type SendWindow } from '../time';

export interface QuietHoursRules {
	window?: SendWindow;
	weekdays?: readonly number[];
	holidays?: HolidayRules;
	/** The contact's zone; empty uses fallbackZone. */
	zone?: string | null;
	fallbackZone?: string;
}

export type QuietHoursDecision = { send: true; zone: string; /** now, ISO 8601 in the zone */ at: string } | { send: false; deferredUntil: string; zone: string; explanation: string };

export function quietHoursDecision(rules: QuietHoursRules, now: Date | number): QuietHoursDecision {
	const nowMs = typeof now === 'number' ? now : now.getTime();
	const result = computeSendTime({
		anchor: 'now',
		now: nowMs,
		anchorLabel: 'now',
		window: rules.window,
		weekdays: rules.weekdays,
		holidays: rules.holidays,
		zone: rules.zone,
		fallbackZone: rules.fallbackZone,
		pastDue: 'nextWindow',
	});
	if (result.instant.toMillis() <= nowMs) return { send: true, zone: result.zone, at: result.iso };
	return { send: false, deferredUntil: result.iso, zone: result.zone, explanation: result.explanation };
}
