// `npm run bench -- pull`: only the cold pulls beside Podman (test/bench/pulls.ts).
import { join } from 'node:path';

import { runPullBenches } from './pulls.js';

runPullBenches(join(process.argv[2]!, 'dist', 'boxctl.js'));
