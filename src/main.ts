/** Entry point: Baton on the system clock (src/run.ts holds the start-up, shared with the sandbox). */
import { runBaton } from './run.js';

void runBaton();
