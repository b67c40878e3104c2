import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { closeSync, ftruncateSync, openSync } from 'node:fs';

const writers: ChildProcess[] = [];

/**
 * A named pipe (FIFO) at `file`. With `feed`, a writer process waits to give it `feed`: whoever opens the FIFO for
 * reading gets `feed` and then the end of the file, so code that wrongly reads a FIFO reads that text and goes on,
 * and a test of it never waits. Without `feed`, nothing ever writes: a read would wait forever.
 */
export function makeFifo(file: string, feed?: string): void {
  execFileSync('mkfifo', [file]);
  if (feed === undefined) return;
  const writer = spawn('sh', ['-c', 'printf %s "$1" > "$2"', 'sh', feed, file], { stdio: 'ignore' });
  writers.push(writer);
}

/** Ends the writers still waiting for a reader (each test that made FIFOs calls it after). */
export function stopFifoWriters(): void {
  for (const writer of writers.splice(0)) writer.kill();
}

/** A sparse file of `size` bytes (zeros): as big as it says without taking the disk space or the time to write. */
export function makeSparseFile(file: string, size: number): void {
  const fd = openSync(file, 'w');
  try {
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}
