// Default export for autocannon's worker (see draft-save-hooks.ts).
import { setupRequest } from './draft-save-hooks';

export = setupRequest;
