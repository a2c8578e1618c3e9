// The groups the API documentation lists operations under, in the order an integrator meets
// them: signing in, then a round's life (focal points, answers, review, scores, exports),
// partners and matching, then the service's own data. Each route names its group where it
// declares its answer (operation-meta.ts); the OpenAPI document lists them with these words.
export const apiTags = [
  {
    name: 'Session and accounts',
    description: 'Sign in and out, the CSRF token, one’s password; organizer accounts (admin).',
  },
  { name: 'Rounds', description: 'Assessment rounds: their questionnaire, languages, deadline and reminder policy.' },
  {
    name: 'Focal points and invitations',
    description: 'The people who answer for a country: import, invitations, reminders, and their links.',
  },
  { name: 'Respondents', description: 'What a focal point’s link opens: the response, its drafts and its submission.' },
  { name: 'Review', description: 'Organizers read a country’s response, approve it, return it or reopen it.' },
  {
    name: 'Scores',
    description: 'Capacity, target, gap and priority per country and area; aggregates by group; scoring settings.',
  },
  {
    name: 'Exports',
    description:
      'Streamed CSV and XLSX downloads: a round’s responses, scores and aggregates, the unmet demand, the partner registry (audited).',
  },
  { name: 'Partners', description: 'The registry of partners who offer capacity building, with import and export.' },
  {
    name: 'Partner declarations',
    description: 'Partners declare their own offer through a link; organizers review what they declared.',
  },
  {
    name: 'Matching',
    description:
      'Matching countries’ needs with partners’ offers: settings, pins, runs, decisions, introductions, coverage.',
  },
  { name: 'Webhooks', description: 'A round’s webhook for integrators: its HTTPS URL, secret and deliveries.' },
  {
    name: 'Personal data',
    description:
      'Erase a focal point or a partner’s contact; export or erase everything stored about one email address.',
  },
  { name: 'Reference data', description: 'Countries, M49 regions and the groups (RECs, RCPs) they belong to.' },
  { name: 'Audit', description: 'The audit log: who did what, when (admin).' },
  { name: 'Forms', description: 'The questionnaires served, their answer schemas, and responses to open forms.' },
  { name: 'API contract', description: 'This OpenAPI document and the JSON Schemas it is built from.' },
] as const;

export type ApiTag = (typeof apiTags)[number]['name'];
