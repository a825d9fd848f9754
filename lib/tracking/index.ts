export { UNSUBSCRIBE_SCOPE, signTrackingToken, verifyTrackingToken, type TrackingClaims } from './token';
export { TRACKING_SECRET_ENV, deriveTrackingSecret, resolveTrackingSecret, type ResolvedSecret } from './secret';
export { clickUrl, openPixelUrl, trackHtml, trackTextLinks, unsubscribeUrl, type TrackingContext } from './links';
