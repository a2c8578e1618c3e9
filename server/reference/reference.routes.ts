// HTTP edge of the reference data:
//   GET    /api/reference/countries[?region=]               countries, optionally of one M49 region,
//                                                           sub-region or intermediate region (viewer+)
//   GET    /api/reference/countries/:iso3                   a country and its group memberships (viewer+)
//   GET    /api/reference/groups                            RECs, RCPs, regional organisations (viewer+)
//   GET    /api/reference/groups/:code                      one group with its members (viewer+)
//   PUT    /api/reference/groups/:code/members/:iso3        add or change a membership {since?, until?} (admin)
//   DELETE /api/reference/groups/:code/members/:iso3        remove a membership (admin)
import { auditRequest } from '../audit/audit-request';
import { Router } from 'express';
import { requireRole } from '../auth/auth.middleware';
import { AppError } from '../http/problem';
import { respondsEmpty, respondsWith } from '../http/operation-meta';
import { validateBody } from '../http/validate';
import { validateQuery } from '../http/validate-query';
import { loadReferenceData } from './reference-data';
import {
  countriesAnswerSchema,
  countriesQuerySchema,
  countryAnswerSchema,
  groupAnswerSchema,
  groupMembershipSchema,
  groupsAnswerSchema,
} from './reference.schemas';
import {
  deleteMembership,
  getCountry,
  getGroup,
  listCountries,
  listGroups,
  membershipsOf,
  putMembership,
  type MembershipInput,
} from './reference-store';

// Region names come from the data, so a misspelt ?region= is answered with 400, not an empty list.
function knownRegions(): Set<string> {
  const names = loadReferenceData().countries.flatMap((c) => [c.region, c.subRegion, c.intermediateRegion]);
  return new Set(names.filter((n): n is string => n !== null));
}

export function referenceRoutes(): Router {
  const router = Router();
  const regions = knownRegions();

  router.param('iso3', (_req, _res, next, iso3: string) => {
    if (!/^[A-Z]{3}$/.test(iso3)) throw new AppError('notFound', 'Countries are named by ISO 3166 alpha-3 code');
    next();
  });
  router.param('code', (_req, _res, next, code: string) => {
    if (!/^[A-Za-z][A-Za-z0-9-]{1,19}$/.test(code)) throw new AppError('notFound', `No group ${code}`);
    next();
  });

  router.get(
    '/api/reference/countries',
    respondsWith(countriesAnswerSchema, {
      tag: 'Reference data',
      summary: 'List the countries',
      description:
        '?region= keeps those of one M49 region, sub-region or intermediate region (400 for a name not in the data).',
    }),
    requireRole('viewer'),
    validateQuery(countriesQuerySchema),
    async (req, res) => {
      const region = req.query.region as string | undefined;
      if (region !== undefined && !regions.has(region)) {
        throw new AppError('invalidInput', undefined, [
          {
            field: 'query.region',
            message: `is not an M49 region, sub-region or intermediate region: one of ${[...regions].sort().join(', ')}`,
          },
        ]);
      }
      res.json({ countries: await listCountries(region) });
    },
  );

  router.get(
    '/api/reference/countries/:iso3',
    respondsWith(countryAnswerSchema, {
      tag: 'Reference data',
      summary: 'Read a country',
      description: 'With its group memberships.',
    }),
    requireRole('viewer'),
    async (req, res) => {
      const iso3 = String(req.params.iso3);
      res.json({ country: await getCountry(iso3), groups: await membershipsOf(iso3) });
    },
  );

  router.get(
    '/api/reference/groups',
    respondsWith(groupsAnswerSchema, {
      tag: 'Reference data',
      summary: 'List the groups',
      description: 'RECs, RCPs and regional organisations.',
    }),
    requireRole('viewer'),
    async (_req, res) => {
      res.json({ groups: await listGroups() });
    },
  );

  router.get(
    '/api/reference/groups/:code',
    respondsWith(groupAnswerSchema, {
      tag: 'Reference data',
      summary: 'Read a group',
      description: 'With its members.',
    }),
    requireRole('viewer'),
    async (req, res) => {
      res.json({ group: await getGroup(String(req.params.code).toUpperCase()) });
    },
  );

  router.put(
    '/api/reference/groups/:code/members/:iso3',
    respondsWith(groupAnswerSchema, {
      status: [201, 200],
      problems: ['conflict'],
      tag: 'Reference data',
      summary: 'Add or change a membership',
      description:
        'A country in a group, with optional since and until dates (YYYY-MM-DD); 201 when added, 200 when changed (audited).',
    }),
    requireRole('admin'),
    validateBody(groupMembershipSchema),
    async (req, res) => {
      const body = req.body as MembershipInput;
      // JSON Schema cannot compare two fields without $data; ISO dates compare as strings.
      if (body.since && body.until && body.until < body.since) {
        throw new AppError('invalidInput', undefined, [{ field: 'body.until', message: 'must not be before since' }]);
      }
      const { created, group } = await putMembership(
        String(req.params.code).toUpperCase(),
        String(req.params.iso3),
        body,
        req.session!.account.email,
      );
      await auditRequest(req, 'reference.membershipChange', {
        target: { kind: 'group', id: group.code },
        details: { iso3: String(req.params.iso3), change: created ? 'added' : 'changed', ...body },
      });
      res.status(created ? 201 : 200).json({ group });
    },
  );

  router.delete(
    '/api/reference/groups/:code/members/:iso3',
    respondsEmpty({
      problems: ['conflict'],
      tag: 'Reference data',
      summary: 'Remove a membership',
      description: 'Audited.',
    }),
    requireRole('admin'),
    async (req, res) => {
      const code = String(req.params.code).toUpperCase();
      await deleteMembership(code, String(req.params.iso3), req.session!.account.email);
      await auditRequest(req, 'reference.membershipChange', {
        target: { kind: 'group', id: code },
        details: { iso3: String(req.params.iso3), change: 'removed' },
      });
      res.status(204).end();
    },
  );

  return router;
}
