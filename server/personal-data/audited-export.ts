// Reading everything stored about an address is itself recorded: the API's export and the
// console's page both go through here, so neither can show a person's data unaudited.
import type { Request } from 'express';
import { auditRequest } from '../audit/audit-request';
import { exportPersonalData } from './export-person';

export type PersonalDataExport = Awaited<ReturnType<typeof exportPersonalData>>;

export async function auditedExport(req: Request, email: string): Promise<PersonalDataExport> {
  const data = await exportPersonalData(email);
  await auditRequest(req, 'personalData.export', {
    target: { kind: 'person', id: data.pseudonym },
    people: [data.pseudonym],
  });
  return data;
}
