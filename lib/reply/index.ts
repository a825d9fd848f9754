export { parseReply, type ParsedReply } from './parse-reply';
export type { ReplyIntent, ReplyLanguage } from './vocabulary';
