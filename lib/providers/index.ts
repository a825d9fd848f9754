export type {
	EmailAttachment,
	EmailMessage,
	HttpMethod,
	HttpRequest,
	HttpResponse,
	HttpTransport,
	MessageSender,
	SendResult,
	SmsMessage,
	WhatsAppMessage,
} from './types';
export { ProviderError, isRetryableStatus, networkError, retryAfterMs, type FailureKind, type ProviderErrorDetails } from './errors';
export { createAxiosTransport, parseBody } from './axios-transport';
export { defaultSleep, withRetries, type RetryPolicy } from './retry';
export { TokenBucket, rateLimiter } from './rate-limit';
export { fingerprint } from './fingerprint';
export { TWILIO_DEFAULT_BASE_URL, twilioSender, type TwilioCredentials, type TwilioOptions } from './twilio';
export { SMSAPI_DEFAULT_BASE_URL, smsapiSender, type SmsapiCredentials, type SmsapiOptions } from './smsapi';
export { DEFAULT_HTTP_SMS_TEMPLATE, httpSmsSender, type HttpSmsCredentials, type HttpSmsOptions } from './http-sms';
export { WHATSAPP_DEFAULT_API_VERSION, WHATSAPP_DEFAULT_BASE_URL, whatsAppCloudSender, type WhatsAppCloudCredentials } from './whatsapp-cloud';
export { closeSmtpTransports, smtpError, smtpSender, type SmtpCredentials, type SmtpOptions } from './smtp';
export { outboxSender } from './outbox';
