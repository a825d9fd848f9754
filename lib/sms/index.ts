export { countSmsSegments, type SmsEncoding, type SmsSegmentInfo } from './segments';
