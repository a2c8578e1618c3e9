// Which database errors are outages (answered 503) and which are not (500 or the request's fault).
// The errors are the driver's and mongoose's own classes, built as they raise them.
import mongoose from 'mongoose';
import { databaseOutage } from '../../server/db/outage';

const { MongoNetworkError, MongoNetworkTimeoutError, MongoServerError, MongoOperationTimeoutError } = mongoose.mongo;

describe('databaseOutage', () => {
  it('When the database does not answer or is unreachable, then it is unavailable', () => {
    expect(databaseOutage(new MongoNetworkError('connection 2 to 127.0.0.1:41617 closed'))).toBe('unavailable');
    expect(databaseOutage(new MongoNetworkTimeoutError('connection timed out'))).toBe('unavailable');
    expect(databaseOutage(new MongoOperationTimeoutError('Timed out during server selection'))).toBe('unavailable');
    expect(
      databaseOutage(new mongoose.Error.MongooseServerSelectionError('connect ECONNREFUSED 127.0.0.1:41617')),
    ).toBe('unavailable');
    expect(
      databaseOutage(Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' })),
    ).toBe('unavailable');
    expect(
      databaseOutage(new mongoose.Error('Operation `countryresponses.findOne()` buffering timed out after 2000ms')),
    ).toBe('unavailable');
  });

  it('When the database answers that its disk is full, then it cannot write', () => {
    expect(
      databaseOutage(
        new MongoServerError({ errmsg: '[db.go:167 fsql.(*DB).InTransaction] database or disk is full (13)', code: 1 }),
      ),
    ).toBe('cannotWrite');
    expect(databaseOutage(new MongoServerError({ errmsg: 'Out of disk space', code: 14031 }))).toBe('cannotWrite');
  });

  it('When an outage is the cause of another error, then it is still recognized', () => {
    expect(databaseOutage(new Error('saving failed', { cause: new MongoNetworkError('closed') }))).toBe('unavailable');
  });

  it('When the error is not an outage, then it is none', () => {
    expect(databaseOutage(new MongoServerError({ errmsg: 'E11000 duplicate key error', code: 11000 }))).toBeUndefined();
    expect(databaseOutage(new Error('disk is full of bugs'))).toBeUndefined();
    expect(databaseOutage('a string')).toBeUndefined();
  });
});
