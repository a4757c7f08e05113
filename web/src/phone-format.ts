// The phone formatter, in a chunk of its own (phone-text.ts fetches it on the first number shown).
export { phoneForReader } from '@corridor/proto';
