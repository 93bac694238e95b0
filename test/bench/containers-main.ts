// `npm run bench -- containers`: only the container benchmarks (test/bench/containers.ts).
import { join } from 'node:path';

import { runContainerBenches } from './containers.js';

runContainerBenches(join(process.argv[2]!, 'dist', 'boxctl.js'));
