// The problem codes the respondent page reacts to (a browser file) are the catalogue's own.
import { problems, type ProblemName } from '../../server/http/problem';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const browserCodes: Record<string, string> = require('../../server/respondent/public/problem-codes.js');

describe('the respondent page problem codes', () => {
  it('name problems of the catalogue, each with the catalogue code', () => {
    for (const [name, code] of Object.entries(browserCodes)) {
      expect({ name, code }).toEqual({ name, code: problems[name as ProblemName]?.code });
    }
  });
});
