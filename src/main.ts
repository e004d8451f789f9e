// The program that bin/faq.js starts (bundled as lib/cli.cjs). src/cli.ts has no side effect on
// import, so the tests can run the CLI in process (test/helpers.js).
import { main } from './cli.js';

await main(process.argv);
