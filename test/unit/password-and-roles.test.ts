import { hashPassword, unusableHash, verifyPassword } from '../../server/auth/password';
import { demoPassword, passwordWeakness } from '../../server/auth/password-policy';
import { roleAllows } from '../../server/auth/roles';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hashPassword('ministry of labour');
    const b = await hashPassword('ministry of labour');
    expect(a).not.toBe(b);
    expect(await verifyPassword('ministry of labour', a)).toBe(true);
    expect(await verifyPassword('ministry of labour ', a)).toBe(false);
    expect(await verifyPassword('', unusableHash)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('roles', () => {
  it('let admin do all, organizer what viewers do, viewer only viewing', () => {
    expect(roleAllows('admin', 'organizer')).toBe(true);
    expect(roleAllows('organizer', 'viewer')).toBe(true);
    expect(roleAllows('organizer', 'admin')).toBe(false);
    expect(roleAllows('viewer', 'organizer')).toBe(false);
  });
});

describe('new passwords', () => {
  const context = { email: 'ana.pereira@ministry.example', name: 'Ana Pereira', demoMode: false };

  it('refuses common and patterned ones, saying why, and accepts a passphrase', () => {
    expect(passwordWeakness('aaaaaaaaaaaa', context)).toMatch(/^is too easy to guess: Repeated/);
    expect(passwordWeakness('123456789012', context)).toMatch(/commonly used/);
    expect(passwordWeakness('pereiraministry', context)).toMatch(/personal/);
    expect(passwordWeakness('ministry of labour and statistics', context)).toBeUndefined();
  });

  it('refuses the demo password outside demo mode only', () => {
    expect(passwordWeakness(demoPassword, context)).toMatch(/demo password/);
    expect(passwordWeakness(demoPassword, { ...context, demoMode: true })).toBeUndefined();
  });
});
