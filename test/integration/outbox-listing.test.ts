// The outbox listing the console shows: newest first, a page at a time, for all rounds or one,
// reading by _id only (the sequence queueEmail appends to), so it stays bounded on FerretDB.
import { Types } from 'mongoose';
import { listOutbox } from '../../server/email/list-outbox';
import { OutboxDue } from '../../server/email/outbox-due.model';
import { queueEmail } from '../../server/email/queue-email';
import { setupTestApp } from '../helpers/test-app';

setupTestApp();

const data = {
  name: 'Amina',
  roundName: 'Roundtable',
  countryName: 'Kenya',
  link: 'http://localhost/respond/x',
  deadline: new Date('2030-01-01T00:00:00Z'),
};

describe('When emails of two rounds are queued', () => {
  it('then the listing pages through all of them newest first, and a round filter shows only that round’s', async () => {
    const roundA = String(new Types.ObjectId());
    const roundB = String(new Types.ObjectId());
    const queued: string[] = [];
    for (let i = 0; i < 7; i++) {
      queued.push(
        await queueEmail({
          to: `fp${i}@ministry.example`,
          template: 'invitation',
          locale: i % 2 ? 'fr' : 'en',
          data,
          roundId: i < 5 ? roundA : roundB,
        }),
      );
    }
    const first = await listOutbox({ limit: 3 });
    expect(first.emails.map((e) => e.id)).toEqual([queued[6], queued[5], queued[4]]);
    expect(first.emails[0]).toMatchObject({
      to: 'fp6@ministry.example',
      template: 'invitation',
      status: 'queued',
      attempts: 0,
      locale: 'en',
    });
    const second = await listOutbox({ limit: 3, before: first.next });
    const third = await listOutbox({ limit: 3, before: second.next });
    expect([...second.emails, ...third.emails].map((e) => e.id)).toEqual([queued[3], queued[2], queued[1], queued[0]]);
    expect(third.next).toBeUndefined();

    const a = await listOutbox({ roundId: roundA, limit: 50 });
    expect(a.emails.map((e) => e.id)).toEqual(queued.slice(0, 5).reverse());
    expect(await OutboxDue.countDocuments()).toBe(7);
  });
});
