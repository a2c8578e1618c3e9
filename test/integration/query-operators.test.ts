// Queries built by our code mean what they say: an operator is an operator (no guard silently
// turns it into an equality match), while operator payloads from outside are refused at the
// edge, before any query is built.
import mongoose from 'mongoose';
import { createOrganizer, postJson, request } from '../helpers/http';
import { setupTestApp } from '../helpers/test-app';

const app = setupTestApp();
const Sample =
  mongoose.models.OperatorSample ?? mongoose.model('OperatorSample', new mongoose.Schema({ n: Number, tag: String }));

describe('query operators', () => {
  test('When our code queries with an operator, then it is applied as an operator', async () => {
    await Sample.insertMany([
      { n: 1, tag: 'a' },
      { n: 5, tag: 'b' },
      { n: 9, tag: 'c' },
    ]);
    const found = await Sample.find({ n: { $gte: 5 } }).lean();
    expect(found.map((d) => d.tag).sort()).toEqual(['b', 'c']);
    expect(await Sample.countDocuments({ tag: { $in: ['a', 'c'] } })).toBe(2);
  });

  test('When a request carries an operator where a value goes, then the edge refuses it and nothing is queried with it', async () => {
    const organizer = await createOrganizer(app().baseUrl, 'organizer');
    const signIn = await postJson(`${app().baseUrl}/api/session`, { email: { $ne: 'x' }, password: { $ne: 'x' } });
    expect(signIn.status).toBe(400);
    expect(signIn.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.email', 'body.password']),
    );
    const partner = await request(`${app().baseUrl}/api/partners?archived[$ne]=true`, {
      headers: { Cookie: organizer.cookie },
    });
    expect(partner.status).toBe(400);
    const body = await postJson(
      `${app().baseUrl}/api/rounds`,
      { name: 'x', formId: { $gt: '' }, languages: ['en'], deadline: '2099-01-01T00:00:00Z' },
      organizer.headers,
    );
    expect(body.status).toBe(400);
    expect(body.body.errors.map((e: { field: string }) => e.field)).toContain('body.formId');
  });
});
