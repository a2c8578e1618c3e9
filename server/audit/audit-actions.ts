// Every action the audit log records: organizers' and respondents' state changes, sign-ins and
// downloads. One list, so that the API's filter schema and the recorders cannot drift apart.
export const auditActions = [
  'session.signIn',
  'session.signInFailed',
  'session.signOut',
  'account.create',
  'account.update',
  'account.passwordChange',
  'round.create',
  'round.update',
  'focalPoints.import',
  'invitations.send',
  'reminders.send',
  'link.revoke',
  'link.resend',
  'response.draftSave',
  'response.submit',
  'response.approve',
  'response.return',
  'response.reopen',
  'scoring.settingsChange',
  'scoring.recompute',
  'reference.membershipChange',
  'export.download',
  'partner.create',
  'partner.update',
  'partner.archive',
  'partners.import',
] as const;

export type AuditAction = (typeof auditActions)[number];
