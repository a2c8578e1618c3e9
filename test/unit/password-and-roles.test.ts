import { hashPassword, unusableHash, verifyPassword } from '../../server/auth/password';
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
