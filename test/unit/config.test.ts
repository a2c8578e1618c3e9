// Configuration is validated once at start; a bad value names its variable.
import { ConfigError, loadConfig } from '../../server/config';

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dbServer: 'auto',
      dbName: 'capgap',
      seedDemo: true,
      cookieSecure: false,
    });
  });

  it('uses MONGODB_URI as the database server when set', () => {
    expect(loadConfig({ MONGODB_URI: 'mongodb://db:27017/?replicaSet=rs0' })).toMatchObject({
      dbServer: 'uri',
      mongodbUri: 'mongodb://db:27017/?replicaSet=rs0',
    });
  });

  it('does not seed demo data in production unless asked', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('reads the email sender from EMAIL_FROM', () => {
    expect(loadConfig({ EMAIL_FROM: 'Secretariat <secretariat@capgap.example>' }).emailFrom).toBe(
      'Secretariat <secretariat@capgap.example>',
    );
    expect(loadConfig({}).emailFrom).toBeUndefined();
  });

  it('guards webhooks against private addresses unless WEBHOOK_ALLOW_PRIVATE=true, and reads an extra CA file', () => {
    expect(loadConfig({})).toMatchObject({ webhookAllowPrivate: false, webhookCaFile: undefined });
    const set = loadConfig({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_CA_FILE: __filename });
    expect(set).toMatchObject({ webhookAllowPrivate: true, webhookCaFile: __filename });
    expect(() => loadConfig({ WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
    expect(() => loadConfig({ WEBHOOK_CA_FILE: '/nowhere/ca.pem' })).toThrow(
      /WEBHOOK_CA_FILE: \/nowhere\/ca.pem does not exist/,
    );
  });

  it('keeps client addresses 90 days unless CLIENT_ADDRESS_RETENTION_DAYS says otherwise', () => {
    expect(loadConfig({}).clientAddressRetentionDays).toBe(90);
    expect(loadConfig({ CLIENT_ADDRESS_RETENTION_DAYS: '30' }).clientAddressRetentionDays).toBe(30);
    expect(() => loadConfig({ CLIENT_ADDRESS_RETENTION_DAYS: '0' })).toThrow(/CLIENT_ADDRESS_RETENTION_DAYS/);
  });

  it('makes cookies Secure when the public URL is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://capgap.example.org' }).cookieSecure).toBe(true);
  });

  it('trusts proxies by hop count or by address, and no X-Forwarded-For by default', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback,2001:db8::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      'loopback',
      '2001:db8::1',
    ]);
  });

  it('refuses TRUST_PROXY=true, which would let any client choose its address', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: "true" would believe any X-Forwarded-For.*number of proxies/,
    );
  });

  it.each([
    ['TRUST_PROXY', 'yes'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', 'loopback,'],
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DB_SERVER', 'postgres'],
    ['MONGODB_URI', 'http://db'],
    ['LOG_LEVEL', 'loud'],
    ['BODY_LIMIT', 'lots'],
    ['CLIENT_ADDRESS_RETENTION_DAYS', 'forever'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
