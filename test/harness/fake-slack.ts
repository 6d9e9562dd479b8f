// FakeSlack lives in ./fake-slack/; this path stays for the tests that import it.
export * from './fake-slack/index.js';
