// The console's browser files, served by the AssetStore under hashed, precompressed URLs like
// the respondent page's.
import path from 'node:path';
import { projectRoot } from '../paths';

const publicDir = path.join(projectRoot, 'server', 'console', 'public');

export const consoleAssetFiles: [string, string][] = [
  ['console.js', path.join(publicDir, 'console.js')],
  ['console.css', path.join(publicDir, 'console.css')],
  // The review page's questionnaire view (SurveyJS in display mode, loaded on request).
  ['review.js', path.join(publicDir, 'review.js')],
];
