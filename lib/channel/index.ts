export { normalizeEmail, validateEmail, type EmailResult } from './email';
export { normalizePhone, validatePhone, type PhoneResult } from './phone';
export {
	chooseChannel,
	type Channel,
	type ChannelDecision,
	type ChannelInput,
	type ChannelPolicy,
	type ChannelStep,
} from './policy';
