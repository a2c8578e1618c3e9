// Default export for autocannon's worker (see draft-save-hooks.ts).
import { onResponse } from './draft-save-hooks';

export = onResponse;
