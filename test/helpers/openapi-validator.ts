// Checks a document against the official OpenAPI JSON Schemas with @seriousme/openapi-schema-validator.
// The validator is an ES module only, and jest runs the tests as CommonJS: it runs in a Node
// child process that reads the document on stdin and prints the verdict.
import { execFile } from 'node:child_process';
import { projectRoot } from '../../server/paths';

export interface OpenApiVerdict {
  valid: boolean;
  errors?: unknown;
}

const script = `
import { Validator } from '@seriousme/openapi-schema-validator';
let text = '';
for await (const chunk of process.stdin) text += chunk;
const result = await new Validator().validate(JSON.parse(text));
process.stdout.write(JSON.stringify({ valid: result.valid, errors: result.errors }));
`;

export function validateOpenApi(doc: unknown): Promise<OpenApiVerdict> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(JSON.parse(stdout))),
    );
    child.stdin!.end(JSON.stringify(doc));
  });
}
