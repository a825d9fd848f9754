export { applyEngagement, type EngagementContext, type EngagementOutcome } from './apply';
export { applyTracking } from './apply-tracking';
export { bodyDigest, isFormTriggerOutput, parseGenericEvent } from './generic';
export type { RecordedEvent } from './item';
export type { ParseResult } from './parse-result';
export {
	prepareGenericEvent,
	prepareTwilio,
	prepareWhatsApp,
	TWILIO_SIGNATURE_HEADER,
	verifyWhatsAppHandshake,
	WHATSAPP_SIGNATURE_HEADER,
	type GenericEndpointConfig,
	type PreparedEngagement,
	type TwilioEndpointConfig,
	type WhatsAppEndpointConfig,
} from './prepare';
export { isHttpUrl, messageContainsUrl, PIXEL_GIF, readTrackingRequest, TRACKING_ENDPOINTS, type TrackingEndpoint, type TrackingRequest } from './tracking';
export { parseTwilio } from './twilio';
export type { ContactKeys, DeliveryStatus, EngagementDraft, EngagementSource, EventDraft, InboundDraft, JourneyEngagementItem, StatusDraft } from './types';
export { parseWhatsApp } from './whatsapp';
