// Static files of the respondent page. SurveyJS comes from node_modules (never a CDN) under a
// URL that carries its version, and our own files under a URL that carries their content hash,
// so browsers may cache all of them for a year and a repeat visit downloads almost nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { nodeModulesDir, respondentPublicDir } from '../paths';

const surveyVersion: string = JSON.parse(fs.readFileSync(path.join(nodeModulesDir, 'survey-core', 'package.json'), 'utf8')).version;

function contentHash(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
}

export interface AssetUrls {
  surveyCss: string;
  surveyCore: string;
  surveyUi: string;
  surveyI18n: string[];
  appJs: string;
  appCss: string;
}

const appHash = contentHash(path.join(respondentPublicDir, 'respondent.js')) + contentHash(path.join(respondentPublicDir, 'respondent.css')).slice(0, 4);

export const assetUrls: AssetUrls = {
  surveyCss: `/assets/survey-core/${surveyVersion}/survey-core.min.css`,
  surveyCore: `/assets/survey-core/${surveyVersion}/survey.core.min.js`,
  surveyUi: `/assets/survey-js-ui/${surveyVersion}/survey-js-ui.min.js`,
  surveyI18n: ['french', 'spanish'].map((l) => `/assets/survey-core/${surveyVersion}/i18n/${l}.min.js`),
  appJs: `/assets/app/${appHash}/respondent.js`,
  appCss: `/assets/app/${appHash}/respondent.css`,
};

export function assetRoutes(): Router {
  const router = Router();
  const immutable = { immutable: true, maxAge: '365d', index: false, fallthrough: false };
  router.use(`/assets/survey-core/${surveyVersion}`, express.static(path.join(nodeModulesDir, 'survey-core'), immutable));
  router.use(`/assets/survey-js-ui/${surveyVersion}`, express.static(path.join(nodeModulesDir, 'survey-js-ui'), immutable));
  router.use(`/assets/app/${appHash}`, express.static(respondentPublicDir, immutable));
  return router;
}
