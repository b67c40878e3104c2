// Imported first by the web test bundle: describe/it/hooks exist before any test file's body runs.
import { install } from './runner';

install(globalThis as unknown as Record<string, unknown>);
