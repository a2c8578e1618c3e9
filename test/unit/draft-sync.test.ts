// The respondent page's draft-sync machine (the same file the browser loads): every
// transition, driven event by event, asserting the state and the effects the page carries out.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sync = require('../../server/respondent/public/draft-sync.js');

type State = Record<string, unknown> & {
  answers: Record<string, unknown>;
  dirty: boolean;
  status: string;
  notice: string;
};
interface Effect {
  type: string;
  [key: string]: unknown;
}

/** A page driven by events: the state after each, and the effects of the last one. */
class Page {
  effects: Effect[] = [];
  constructor(public state: State = sync.initial()) {}

  send(event: Record<string, unknown>): this {
    const result = sync.step(this.state, event);
    this.state = result.state;
    this.effects = result.effects;
    return this;
  }

  /** The effects of one type that the last event asked for. */
  of(type: string): Effect[] {
    return this.effects.filter((e) => e.type === type);
  }

  /** The status the last event put on the status line, if it changed it. */
  status(): unknown {
    return this.of('status').at(-1)?.key;
  }
}

const machine = (options?: { online: boolean }) => new Page(sync.initial(options));

const draft = (revision: number, answers: Record<string, unknown>) => ({
  status: 'draft',
  revision,
  answers,
  answeredAt: {},
});
const T0 = Date.parse('2026-03-02T10:00:00Z');

/** A page loaded on revision 3 with { a: 1 }, shown, nothing pending. */
function loadedPage() {
  return machine()
    .send({ type: 'loaded', response: draft(3, { a: 1 }), scores: null, local: null })
    .send({ type: 'rendered', answers: { a: 1 }, page: 0 });
}

/** A loaded page where the respondent set b to 2 and moved to the next page: a save on its way. */
function savingPage() {
  return loadedPage()
    .send({ type: 'edited', name: 'b', answers: { a: 1, b: 2 }, now: T0 })
    .send({ type: 'pageChanged', page: 1 });
}

describe('When the page loads', () => {
  it('then a draft without local edits is shown as the server has it, and nothing is sent', () => {
    const m = machine().send({ type: 'loaded', response: draft(3, { a: 1 }), scores: null, local: null });
    expect(m.of('render')).toEqual([{ type: 'render', answers: { a: 1 }, page: 0 }]);
    m.send({ type: 'rendered', answers: { a: 1, target: 4 }, page: 0 });
    expect(m.effects).toEqual([]);
    expect(m.state).toMatchObject({ phase: 'editing', dirty: false, answers: { a: 1, target: 4 } });
  });

  it('then answers kept in this browser on the same revision are restored, said, kept and sent', () => {
    const local = {
      baseRevision: 3,
      baseAnswers: { a: 1 },
      answers: { a: 1, b: 2 },
      editedAt: { b: T0 },
      dirty: true,
      page: 1,
    };
    const m = machine().send({ type: 'loaded', response: draft(3, { a: 1 }), scores: null, local });
    expect(m.of('render')).toEqual([{ type: 'render', answers: { a: 1, b: 2 }, page: 1 }]);
    expect(m.of('notice')).toEqual([{ type: 'notice', key: 'restored', names: [] }]);
    m.send({ type: 'rendered', answers: { a: 1, b: 2 }, page: 1 });
    expect(m.of('persistLocal')).toHaveLength(1);
    expect(m.of('save')).toEqual([{ type: 'save', answers: { a: 1, b: 2 }, baseRevision: 3, keepalive: false }]);
    expect(m.status()).toBe('saving');
  });

  it('then a local copy the server already has (the save on leaving arrived) is not called restored, and nothing is sent', () => {
    const local = {
      baseRevision: 3,
      baseAnswers: { a: 1 },
      answers: { a: 1, b: 2 },
      editedAt: { b: T0 },
      dirty: true,
      page: 1,
    };
    const m = machine().send({ type: 'loaded', response: draft(4, { a: 1, b: 2 }), scores: null, local });
    expect(m.of('render')).toEqual([{ type: 'render', answers: { a: 1, b: 2 }, page: 1 }]);
    expect(m.of('notice')).toEqual([]);
    expect(m.state).toMatchObject({ dirty: false, notice: '', base: { revision: 4 } });
    m.send({ type: 'rendered', answers: { a: 1, b: 2 }, page: 1 });
    expect(m.of('save')).toEqual([]);
  });

  it('then a server state older than the local copy (read offline from the cache) gives way to the local copy', () => {
    const local = {
      baseRevision: 5,
      baseAnswers: { a: 1 },
      answers: { a: 1, b: 2 },
      editedAt: { b: T0 },
      dirty: true,
      page: 0,
    };
    const m = machine({ online: false }).send({ type: 'loaded', response: draft(3, {}), scores: null, local });
    expect(m.of('render')).toEqual([{ type: 'render', answers: { a: 1, b: 2 }, page: 0 }]);
    expect(m.of('revision')).toEqual([{ type: 'revision', revision: 5 }]);
    expect(m.of('notice')).toEqual([{ type: 'notice', key: 'restored', names: [] }]);
    m.send({ type: 'rendered', answers: { a: 1, b: 2 }, page: 0 });
    expect(m.status()).toBe('offline');
    m.send({ type: 'online' });
    expect(m.of('save')).toEqual([{ type: 'save', answers: { a: 1, b: 2 }, baseRevision: 5, keepalive: false }]);
  });

  it('then a server state older than a saved local copy shows the saved answers, with nothing to restore', () => {
    const local = { baseRevision: 5, baseAnswers: { a: 1 }, answers: { a: 1 }, editedAt: {}, dirty: false, page: 0 };
    const m = machine({ online: false }).send({ type: 'loaded', response: draft(3, {}), scores: null, local });
    expect(m.of('render')).toEqual([{ type: 'render', answers: { a: 1 }, page: 0 }]);
    expect(m.of('notice')).toEqual([]);
    expect(m.state).toMatchObject({ dirty: false, base: { revision: 5, answers: { a: 1 } } });
  });

  it('then local answers on an older revision are merged with a colleague’s, and the page names what came from them', () => {
    const local = {
      baseRevision: 2,
      baseAnswers: { a: 1 },
      answers: { a: 1, b: 2 },
      editedAt: { b: T0 },
      dirty: true,
      page: 0,
    };
    const m = machine().send({ type: 'loaded', response: draft(3, { a: 1, c: 'dk' }), scores: null, local });
    expect(m.of('render')[0].answers).toEqual({ a: 1, b: 2, c: 'dk' });
    expect(m.of('notice')).toEqual([{ type: 'notice', key: 'merged', names: ['c'] }]);
    m.send({ type: 'rendered', answers: { a: 1, b: 2, c: 'dk' }, page: 0 });
    expect(m.of('save')[0]).toMatchObject({ baseRevision: 3 });
  });

  it('then a submitted response shows its summary and date, and this browser’s copy is dropped', () => {
    const response = { status: 'submitted', revision: 5, answers: { a: 1 }, submittedAt: '2026-03-01T09:00:00Z' };
    const m = machine().send({ type: 'loaded', response, scores: { areas: [] }, local: { dirty: true } });
    expect(m.of('forgetLocal')).toHaveLength(1);
    expect(m.of('showSubmitted')).toEqual([{ type: 'showSubmitted', response, scores: { areas: [] } }]);
    expect(m.of('status')).toEqual([{ type: 'status', key: 'submitted', values: { date: '2026-03-01T09:00:00Z' } }]);
    expect(m.state.phase).toBe('submitted');
  });
});

describe('When the respondent edits an answer', () => {
  it('then it is kept in this browser at once and a save is scheduled after 30 s idle', () => {
    const m = loadedPage().send({ type: 'edited', name: 'b', answers: { a: 1, b: 2 }, now: T0 });
    expect(m.of('persistLocal')).toEqual([
      {
        type: 'persistLocal',
        draft: {
          baseRevision: 3,
          baseAnswers: { a: 1 },
          answers: { a: 1, b: 2 },
          editedAt: { b: T0 },
          dirty: true,
          page: 0,
        },
      },
    ]);
    expect(m.of('schedule')).toEqual([{ type: 'schedule', timer: 'idle', ms: 30000 }]);
    expect(m.of('save')).toEqual([]);
    m.send({ type: 'timer', timer: 'idle' });
    expect(m.of('save')).toEqual([{ type: 'save', answers: { a: 1, b: 2 }, baseRevision: 3, keepalive: false }]);
  });

  it('then a page change saves at once, and the idle timer is cancelled', () => {
    const m = savingPage();
    expect(m.of('cancel')).toEqual([{ type: 'cancel', timer: 'idle' }]);
    expect(m.of('save')).toHaveLength(1);
    expect(m.status()).toBe('saving');
    expect(m.state.request).toBe('save');
  });

  it('then a page change without edits sends nothing', () => {
    const m = loadedPage().send({ type: 'pageChanged', page: 1 });
    expect(m.of('save')).toEqual([]);
    expect(m.of('persistLocal')).toHaveLength(1); // the page, for reopening where one was
  });

  it('then "all changes saved" goes away: it is no longer true', () => {
    const m = savingPage().send({ type: 'saveAnswered', status: 200, body: { revision: 4, answers: { a: 1, b: 2 } } });
    expect(m.status()).toBe('saved');
    m.send({ type: 'edited', name: 'a', answers: { a: 3, b: 2 }, now: T0 + 1 });
    expect(m.status()).toBe('');
  });
});

describe('When a save is acknowledged', () => {
  it('then the new revision is the base, the local copy is updated and the status says saved', () => {
    const m = savingPage().send({ type: 'saveAnswered', status: 200, body: { revision: 4, answers: { a: 1, b: 2 } } });
    expect(m.state).toMatchObject({
      base: { revision: 4, answers: { a: 1, b: 2 } },
      dirty: false,
      editedAt: {},
      request: null,
    });
    expect(m.of('revision')).toEqual([{ type: 'revision', revision: 4 }]);
    expect(m.of('persistLocal')[0].draft).toMatchObject({ baseRevision: 4, dirty: false });
    expect(m.status()).toBe('saved');
  });

  it('then edits made while it was on its way stay unsaved, and the status does not claim otherwise', () => {
    const m = savingPage()
      .send({ type: 'edited', name: 'c', answers: { a: 1, b: 2, c: 0 }, now: T0 + 5 })
      .send({ type: 'saveAnswered', status: 200, body: { revision: 4, answers: { a: 1, b: 2 } } });
    expect(m.state.dirty).toBe(true);
    expect(m.status()).toBe('');
  });

  it('then a save asked for meanwhile goes next, with the latest answers and the new revision', () => {
    const m = savingPage()
      .send({ type: 'edited', name: 'c', answers: { a: 1, b: 2, c: 0 }, now: T0 + 5 })
      .send({ type: 'pageChanged', page: 2 });
    expect(m.of('save')).toEqual([]); // one request at a time
    m.send({ type: 'saveAnswered', status: 200, body: { revision: 4, answers: { a: 1, b: 2 } } });
    expect(m.of('save')).toEqual([{ type: 'save', answers: { a: 1, b: 2, c: 0 }, baseRevision: 4, keepalive: false }]);
  });
});

describe('When a colleague saved meanwhile (409 stale revision)', () => {
  it('then their answers are merged into ours, the page says which, and the merge is saved on their revision', () => {
    const current = {
      status: 'draft',
      revision: 5,
      answers: { a: 1, d: 'dk' },
      answeredAt: { d: '2026-03-02T09:59:00Z' },
    };
    const m = savingPage().send({ type: 'saveAnswered', status: 409, body: { code: '409.2', current } });
    expect(m.of('setAnswers')).toEqual([{ type: 'setAnswers', answers: { a: 1, b: 2, d: 'dk' } }]);
    expect(m.of('notice')).toEqual([{ type: 'notice', key: 'merged', names: ['d'] }]);
    expect(m.of('save')).toEqual([
      { type: 'save', answers: { a: 1, b: 2, d: 'dk' }, baseRevision: 5, keepalive: false },
    ]);
    expect(m.of('persistLocal')[0].draft).toMatchObject({ baseRevision: 5, answers: { a: 1, b: 2, d: 'dk' } });
  });

  it('then where both changed the same answer the newer edit wins and the page names the conflict', () => {
    const current = {
      status: 'draft',
      revision: 5,
      answers: { a: 1, b: 3 },
      answeredAt: { b: '2026-03-02T10:00:01Z' },
    };
    const m = savingPage().send({ type: 'saveAnswered', status: 409, body: { code: '409.2', current } });
    expect(m.of('setAnswers')[0].answers).toEqual({ a: 1, b: 3 });
    expect(m.of('notice')).toEqual([{ type: 'notice', key: 'conflicts', names: ['b'] }]);
    expect(m.state.dirty).toBe(false); // theirs is what we have now: nothing to send
    expect(m.of('save')).toEqual([]);
    expect(m.status()).toBe('saved');
  });

  it('then a 409 with another code is not taken for a stale revision', () => {
    const m = savingPage().send({ type: 'saveAnswered', status: 409, body: { code: '409.1' }, retryAfter: null });
    expect(m.of('setAnswers')).toEqual([]);
    expect(m.status()).toBe('unavailable');
  });
});

describe('When the network fails or the server is unavailable', () => {
  it('then the answers stay in this browser and the save is retried with a growing backoff', () => {
    const m = savingPage().send({ type: 'saveFailed', now: T0 });
    expect(m.status()).toBe('offline');
    expect(m.state.dirty).toBe(true);
    expect(m.of('schedule')).toEqual([{ type: 'schedule', timer: 'retry', ms: 2000 }]);
    m.send({ type: 'timer', timer: 'retry' });
    expect(m.of('save')).toHaveLength(1);
    m.send({ type: 'saveFailed', now: T0 });
    expect(m.of('schedule')).toEqual([{ type: 'schedule', timer: 'retry', ms: 4000 }]);
  });

  it('then a 503 with Retry-After waits as long as the server asked, even across page changes', () => {
    const m = savingPage().send({
      type: 'saveAnswered',
      status: 503,
      body: { code: '503.1' },
      retryAfter: '7',
      now: T0,
    });
    expect(m.status()).toBe('unavailable');
    expect(m.of('schedule')).toEqual([{ type: 'schedule', timer: 'retry', ms: 7000 }]);
    m.send({ type: 'edited', name: 'c', answers: { a: 1, b: 2, c: 1 }, now: T0 + 1 }).send({
      type: 'pageChanged',
      page: 2,
    });
    expect(m.of('save')).toEqual([]);
    m.send({ type: 'timer', timer: 'retry' });
    expect(m.of('save')).toEqual([{ type: 'save', answers: { a: 1, b: 2, c: 1 }, baseRevision: 3, keepalive: false }]);
    m.send({ type: 'saveAnswered', status: 200, body: { revision: 4, answers: { a: 1, b: 2, c: 1 } } });
    expect(m.status()).toBe('saved');
  });

  it('then Retry-After as an HTTP date counts from now, and a huge one is capped', () => {
    expect(sync.retryAfterMs('Mon, 02 Mar 2026 10:00:30 GMT', T0)).toBe(30000);
    expect(sync.retryAfterMs('soon', T0)).toBeNull();
    const m = savingPage().send({ type: 'saveAnswered', status: 503, body: {}, retryAfter: '86400', now: T0 });
    expect(m.of('schedule')).toEqual([{ type: 'schedule', timer: 'retry', ms: sync.MAX_RETRY_MS }]);
  });

  it('then leaving the page still tries a last save while the retry waits', () => {
    const m = savingPage()
      .send({ type: 'saveAnswered', status: 503, body: {}, retryAfter: '30', now: T0 })
      .send({ type: 'saveNow', keepalive: true });
    expect(m.of('save')).toEqual([{ type: 'save', answers: { a: 1, b: 2 }, baseRevision: 3, keepalive: true }]);
  });
});

describe('When the browser goes offline, then online again', () => {
  it('then nothing is sent while offline, and the save goes out when the connection returns', () => {
    const m = savingPage().send({ type: 'offline' });
    expect(m.status()).toBe('offline');
    m.send({ type: 'saveFailed', now: T0 });
    expect(m.of('schedule')).toEqual([]); // no timer: the 'online' event brings it back
    m.send({ type: 'edited', name: 'c', answers: { a: 1, b: 2, c: 4 }, now: T0 + 1 }).send({
      type: 'pageChanged',
      page: 2,
    });
    expect(m.of('save')).toEqual([]);
    expect(m.status()).toBe('offline');
    m.send({ type: 'online' });
    expect(m.of('save')).toEqual([{ type: 'save', answers: { a: 1, b: 2, c: 4 }, baseRevision: 3, keepalive: false }]);
    m.send({ type: 'saveAnswered', status: 200, body: { revision: 4, answers: { a: 1, b: 2, c: 4 } } });
    expect(m.status()).toBe('saved');
  });

  it('then going offline cancels a pending retry, and coming back resets the backoff', () => {
    const m = savingPage().send({ type: 'saveFailed', now: T0 }).send({ type: 'offline' });
    expect(m.of('cancel')).toEqual([{ type: 'cancel', timer: 'retry' }]);
    m.send({ type: 'online' });
    expect(m.of('save')).toHaveLength(1);
    m.send({ type: 'saveFailed', now: T0 });
    expect(m.of('schedule')).toEqual([{ type: 'schedule', timer: 'retry', ms: 2000 }]);
  });
});

describe('When the respondent submits', () => {
  const submittedBody = {
    status: 'submitted',
    revision: 4,
    answers: { a: 1, b: 2 },
    submittedAt: '2026-03-02T10:01:00Z',
    scores: { areas: [] },
  };

  it('then the answers go with the current revision, and on success the summary shows, the copy is dropped and the notices go', () => {
    const local = {
      baseRevision: 3,
      baseAnswers: { a: 1 },
      answers: { a: 1, b: 2 },
      editedAt: {},
      dirty: true,
      page: 0,
    };
    const m = machine()
      .send({ type: 'loaded', response: draft(3, { a: 1 }), scores: null, local })
      .send({ type: 'rendered', answers: { a: 1, b: 2 }, page: 0 })
      .send({ type: 'saveAnswered', status: 200, body: { revision: 4, answers: { a: 1, b: 2 } } });
    expect(m.state.notice).toBe('restored');
    m.send({ type: 'submitRequested', answers: { a: 1, b: 2 } });
    expect(m.of('submit')).toEqual([{ type: 'submit', answers: { a: 1, b: 2 }, baseRevision: 4 }]);
    expect(m.status()).toBe('sending');
    m.send({ type: 'submitAnswered', status: 200, body: submittedBody });
    expect(m.of('forgetLocal')).toHaveLength(1);
    expect(m.of('showSubmitted')).toEqual([{ type: 'showSubmitted', response: submittedBody, scores: { areas: [] } }]);
    expect(m.of('notice')).toEqual([{ type: 'notice', key: '', names: [] }]);
    expect(m.status()).toBe('sent');
    expect(m.state.phase).toBe('submitted');
    m.send({ type: 'timer', timer: 'idle' }).send({ type: 'edited', name: 'a', answers: { a: 2 }, now: T0 });
    expect(m.effects).toEqual([]);
  });

  it('then a submit asked for while a save is on its way waits for it, and goes with its revision', () => {
    const m = savingPage().send({ type: 'submitRequested', answers: { a: 1, b: 2 } });
    expect(m.of('submit')).toEqual([]);
    expect(m.status()).toBe('sending');
    m.send({ type: 'saveAnswered', status: 200, body: { revision: 4, answers: { a: 1, b: 2 } } });
    expect(m.of('submit')).toEqual([{ type: 'submit', answers: { a: 1, b: 2 }, baseRevision: 4 }]);
    expect(m.status()).toBe('sending');
  });

  it('then a failed validation (422) marks the answers, and the status never says saved or sent', () => {
    const m = savingPage().send({ type: 'saveAnswered', status: 200, body: { revision: 4, answers: { a: 1, b: 2 } } });
    expect(m.status()).toBe('saved');
    const errors = [{ field: 'answers.c', message: 'Response required.' }];
    m.send({ type: 'submitRequested', answers: { a: 1, b: 2 } }).send({
      type: 'submitAnswered',
      status: 422,
      body: { code: '422.1', errors },
    });
    expect(m.of('showErrors')).toEqual([{ type: 'showErrors', errors }]);
    expect(m.status()).toBe('invalid');
    expect(m.state.phase).toBe('editing');
    // The respondent fixes one answer; the draft is saved; the status keeps asking for attention.
    m.send({ type: 'edited', name: 'c', answers: { a: 1, b: 2, c: 1 }, now: T0 + 9 });
    expect(m.status()).toBeUndefined(); // 'invalid' stays
    m.send({ type: 'pageChanged', page: 2 }).send({
      type: 'saveAnswered',
      status: 200,
      body: { revision: 5, answers: { a: 1, b: 2, c: 1 } },
    });
    expect(m.status()).toBe('invalid');
    expect([m.state.status]).not.toContain('saved');
    // Submitting again clears it.
    m.send({ type: 'submitRequested', answers: { a: 1, b: 2, c: 1 } }).send({
      type: 'submitAnswered',
      status: 200,
      body: submittedBody,
    });
    expect(m.status()).toBe('sent');
  });

  it('then a submit stopped by the page’s own checks (a required answer missing) replaces "saved" too', () => {
    const m = savingPage()
      .send({ type: 'saveAnswered', status: 200, body: { revision: 4, answers: { a: 1, b: 2 } } })
      .send({ type: 'submitBlocked' });
    expect(m.status()).toBe('invalid');
    expect(m.of('submit')).toEqual([]);
  });

  it('then a submit that does not arrive says so, keeps the answers and keeps the draft syncing', () => {
    const m = savingPage()
      .send({ type: 'edited', name: 'c', answers: { a: 1, b: 2, c: 3 }, now: T0 + 1 })
      .send({ type: 'saveAnswered', status: 200, body: { revision: 4, answers: { a: 1, b: 2 } } })
      .send({ type: 'submitRequested', answers: { a: 1, b: 2, c: 3 } })
      .send({ type: 'submitFailed', now: T0 });
    expect(m.status()).toBe('failed');
    expect(m.state.dirty).toBe(true);
    expect(m.of('schedule')).toEqual([{ type: 'schedule', timer: 'idle', ms: 30000 }]);
    m.send({ type: 'timer', timer: 'idle' }).send({
      type: 'saveAnswered',
      status: 200,
      body: { revision: 5, answers: { a: 1, b: 2, c: 3 } },
    });
    expect(m.status()).toBe('failed'); // still true: it was not sent
  });

  it('then a submit that waited for a save which failed is not sent, and the status says so', () => {
    const m = savingPage()
      .send({ type: 'submitRequested', answers: { a: 1, b: 2 } })
      .send({ type: 'saveAnswered', status: 503, body: {}, retryAfter: '5', now: T0 });
    expect(m.of('submit')).toEqual([]);
    expect(m.status()).toBe('unavailable');
    m.send({ type: 'timer', timer: 'retry' }).send({
      type: 'saveAnswered',
      status: 200,
      body: { revision: 4, answers: { a: 1, b: 2 } },
    });
    expect(m.status()).toBe('failed');
  });

  it('then a colleague’s save meanwhile (409) is merged and the respondent is asked to check before submitting again', () => {
    const current = { status: 'draft', revision: 6, answers: { a: 1, b: 2, e: 0 }, answeredAt: {} };
    const m = savingPage()
      .send({ type: 'saveAnswered', status: 200, body: { revision: 4, answers: { a: 1, b: 2 } } })
      .send({ type: 'submitRequested', answers: { a: 1, b: 2 } })
      .send({ type: 'submitAnswered', status: 409, body: { code: '409.2', current } });
    expect(m.of('setAnswers')).toEqual([{ type: 'setAnswers', answers: { a: 1, b: 2, e: 0 } }]);
    expect(m.status()).toBe('reviewAgain');
    expect(m.state.phase).toBe('editing');
  });

  it('then a response a colleague already submitted (409.3) shows as submitted, not as sent', () => {
    const current = { ...submittedBody, scores: undefined };
    const m = savingPage().send({ type: 'saveAnswered', status: 409, body: { code: '409.3', current } });
    expect(m.of('showSubmitted')).toEqual([{ type: 'showSubmitted', response: current, scores: null }]);
    expect(m.status()).toBe('submitted');
  });

  it('then a withdrawn link stops the saves but keeps the answers in this browser', () => {
    const m = savingPage().send({ type: 'saveAnswered', status: 410, body: { code: '410.1' } });
    expect(m.status()).toBe('linkGone');
    m.send({ type: 'edited', name: 'c', answers: { a: 1, b: 2, c: 2 }, now: T0 });
    expect(m.of('persistLocal')).toHaveLength(1);
    m.send({ type: 'pageChanged', page: 3 });
    expect(m.of('save')).toEqual([]);
    expect(m.status()).toBeUndefined();
  });
});

describe('When a draft save is refused for a wrong value (422)', () => {
  it('then the errors are shown, and a later successful save clears the message', () => {
    const m = savingPage().send({
      type: 'saveAnswered',
      status: 422,
      body: { code: '422.1', errors: [{ field: 'answers.b', message: 'no' }] },
    });
    expect(m.status()).toBe('invalid');
    expect(m.of('schedule')).toEqual([]); // not retried as is
    m.send({ type: 'edited', name: 'b', answers: { a: 1, b: 1 }, now: T0 + 2 }).send({ type: 'pageChanged', page: 2 });
    m.send({ type: 'saveAnswered', status: 200, body: { revision: 4, answers: { a: 1, b: 1 } } });
    expect(m.status()).toBe('saved');
  });
});

describe('When the page loads without a connection', () => {
  it('then restored answers wait for the online event instead of being sent', () => {
    const local = {
      baseRevision: 3,
      baseAnswers: { a: 1 },
      answers: { a: 2 },
      editedAt: { a: T0 },
      dirty: true,
      page: 0,
    };
    const m = new Page(sync.initial({ online: false }))
      .send({ type: 'loaded', response: draft(3, { a: 1 }), scores: null, local })
      .send({ type: 'rendered', answers: { a: 2 }, page: 0 });
    expect(m.of('save')).toEqual([]);
    expect(m.status()).toBe('offline');
    m.send({ type: 'online' });
    expect(m.of('save')).toEqual([{ type: 'save', answers: { a: 2 }, baseRevision: 3, keepalive: false }]);
  });
});

describe('The machine', () => {
  it('never changes the state it is given', () => {
    const before = savingPage().state;
    const copy = JSON.parse(JSON.stringify(before));
    sync.step(before, { type: 'edited', name: 'z', answers: { z: 1 }, now: T0 });
    sync.step(before, { type: 'saveAnswered', status: 200, body: { revision: 9, answers: {} } });
    expect(before).toEqual(copy);
  });
});
