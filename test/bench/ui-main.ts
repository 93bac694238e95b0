// `npm run bench -- ui`: only the dashboard's start-up benchmark (test/bench/ui.ts).
import { join } from 'node:path';

import { runUiBench } from './ui.js';

await runUiBench(join(process.argv[2]!, 'dist', 'boxctl.js'));
