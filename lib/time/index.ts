export { computeSendTime } from './compute-send-time';
export { describeSchedule, type ScheduleSummaryParams } from './describe-schedule';
export { DomainInputError } from './domain-input-error';
export type {
	HolidayRules,
	InstantInput,
	OffsetDirection,
	OffsetUnit,
	PastDuePolicy,
	SendOffset,
	SendTimeInput,
	SendTimeResult,
	SendWindow,
} from './types';
