// Configuration is validated once at start; a bad value names its variable.
import { ConfigError, loadConfig } from '../../server/config';

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, host: '127.0.0.1', dbServer: 'auto', dbName: 'capgap', seedDemo: true, cookieSecure: false });
  });

  it('uses MONGODB_URI as the database server when set', () => {
    expect(loadConfig({ MONGODB_URI: 'mongodb://db:27017/?replicaSet=rs0' })).toMatchObject({ dbServer: 'uri', mongodbUri: 'mongodb://db:27017/?replicaSet=rs0' });
  });

  it('does not seed demo data in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('reads the email sender from EMAIL_FROM', () => {
    expect(loadConfig({ EMAIL_FROM: 'Secretariat <secretariat@capgap.example>' }).emailFrom).toBe('Secretariat <secretariat@capgap.example>');
    expect(loadConfig({}).emailFrom).toBeUndefined();
  });

  it('makes cookies Secure when the public URL is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://capgap.example.org' }).cookieSecure).toBe(true);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DB_SERVER', 'postgres'],
    ['MONGODB_URI', 'http://db'],
    ['LOG_LEVEL', 'loud'],
    ['BODY_LIMIT', 'lots'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
