// The browser files of the API documentation page (/api/docs), served by the AssetStore under
// hashed, precompressed URLs like the console's: Swagger UI's bundle and stylesheet from
// swagger-ui-dist, and the small script that starts it on the page.
import path from 'node:path';
import { nodeModulesDir, projectRoot } from '../paths';

const swaggerUi = (file: string) => path.join(nodeModulesDir, 'swagger-ui-dist', file);

export const apiDocsAssetFiles: [string, string][] = [
  ['swagger-ui.js', swaggerUi('swagger-ui-bundle.js')],
  ['swagger-ui.css', swaggerUi('swagger-ui.css')],
  ['api-docs.js', path.join(projectRoot, 'server', 'http', 'public', 'api-docs.js')],
];
