// Logger and console: both write to the execution's log.
import { format } from 'node:util';
import type { ServiceName } from '../execution';
import { ServiceObject } from '../runtime';
import { formatString } from './utilities';

export class Logger extends ServiceObject {
  _kind(): [ServiceName, string] {
    return ['Logger', 'Logger'];
  }
  /** log(data) or log(format, ...values) with Java-style %s placeholders. */
  log(data: unknown, ...values: unknown[]): Logger {
    const line = values.length && typeof data === 'string' ? formatString(data, values) : typeof data === 'string' ? data : format('%j', data);
    this._rt.exec.logs.push(line);
    return this;
  }
  getLog(): string {
    return this._rt.exec.logs.join('\n');
  }
  clear(): void {
    this._rt.exec.logs.length = 0;
  }
  toString(): string {
    return 'Logger';
  }
}

/** The `console` the bundle sees: lines go to execution.logs (and, if asked, to the host console). */
export function makeConsole(logs: string[], echo: boolean): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  const write =
    (level: string) =>
    (...args: unknown[]): void => {
      const line = format(...args);
      logs.push(level === 'log' || level === 'info' ? line : `[${level}] ${line}`);
      if (echo) process.stdout.write(`${line}\n`);
    };
  return { log: write('log'), info: write('info'), warn: write('warn'), error: write('error'), debug: write('debug') };
}
