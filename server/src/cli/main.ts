// The `kubewright` executable (scripts/build.mjs adds the #! line): runs the CLI on this process's arguments and
// sets the exit code. All logic is in run.ts.
import { processIo, run } from './run';

// `kubewright lint . | head` closes the pipe early; that is the reader's choice, not a crash worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// exitCode rather than process.exit(): the process ends once stdout has flushed, so a long report is never cut off.
process.exitCode = run(process.argv.slice(2), processIo());
