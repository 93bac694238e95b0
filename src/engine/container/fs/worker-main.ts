// The entry of dist/fs-worker.js: the worker of cp, export and commit (worker.ts).
import { main } from './worker.js';

void main();
