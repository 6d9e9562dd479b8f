// The emulator lives in src/sandbox/slack-emulator/ (the sandbox ships it); this path stays for the tests.
export * from '../../src/sandbox/slack-emulator/index.js';
