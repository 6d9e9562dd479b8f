export { FakeSlack } from './fake-slack.js';
export type * from './types.js';
