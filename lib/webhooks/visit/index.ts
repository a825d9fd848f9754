export { applyVisitEvent, type ApplyOptions, type ApplyResult } from './apply';
export { calendlyUuid, normaliseCalendly } from './calendly';
export { normaliseCalcom } from './calcom';
export { STATUS_ONLY_TYPES, VISIT_FORMATS, type ContactDraft, type NormaliseResult, type VisitDraft, type VisitEventDraft, type VisitFormat } from './draft';
export { deriveEventId } from './event-id';
export { parseEventTypeValues, readEventType } from './event-types';
export { compilePaths, GENERIC_FIELDS, normaliseGeneric, type CompiledPaths, type GenericField, type GenericOptions } from './generic';
export { prepareVisitRequest, type PreparedVisitRequest, type VisitTriggerConfig } from './prepare';
