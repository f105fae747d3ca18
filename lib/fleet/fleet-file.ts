import { readFileSync } from 'node:fs';
import { FleetDefinition } from './fleet-entry';
import { FleetValidationError } from './fleet-validation-error';

const BYTE_ORDER_MARK = '\ufeff';

/** Reads fleet files: `{ "shards": 16, "domains": [ { "domain", "provider", "zoneId", ... } ] }` (format: examples/fleet/README.md). */
export class FleetFile {
  /** Reads and checks a JSON fleet file; an unreadable file or any bad entry throws one {@link FleetValidationError}. */
  public static load(path: string): FleetDefinition {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new FleetValidationError(path, [{ property: '(file)', value: path, problem: `cannot be read (${(error as Error).message})`, fix: 'check the path, relative to the working directory' }]);
    }
    let document: unknown;
    try {
      // A byte order mark is how some editors save UTF-8, not content; JSON.parse refuses it.
      document = JSON.parse(text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text);
    } catch (error) {
      throw new FleetValidationError(path, [{ property: '(file)', value: path, problem: `is not valid JSON (${(error as Error).message})`, fix: 'correct the JSON syntax at the position given' }]);
    }
    return loadSchema().parseFleetDocument(document, path);
  }

  /** Checks an already parsed document, e.g. one built in code; `source` names it in messages. */
  public static fromDocument(document: unknown, source: string): FleetDefinition {
    return loadSchema().parseFleetDocument(document, source);
  }

  private constructor() {}
}

/**
 * The schema module, loaded on first use: importing zod costs about 35 ms
 * (measured by npm run bench), which users of CloudMailMx alone should not pay.
 */
function loadSchema(): typeof import('./fleet-schema') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./fleet-schema') as typeof import('./fleet-schema');
}
