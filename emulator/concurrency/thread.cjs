// Entry of an execution thread: registers tsx's CommonJS loader (worker threads do not inherit the
// parent's TypeScript loader), then runs thread.ts.
require('tsx/cjs/api').register();
require('./thread.ts');
