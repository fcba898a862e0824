import { deployment, resultOf } from './__fixtures__/objects';

const env = 'spec.template.spec.containers.0.env';

describe('secrets-by-reference', () => {
  it.each([
    ['DB_PASSWORD', 'hunter2', 'fail'],
    ['db_password', 'hunter2', 'fail'],
    ['GITHUB_TOKEN', 'ghp_x', 'fail'],
    ['STRIPE_API_KEY', 'sk_live', 'fail'],
    ['AWS_SECRET_ACCESS_KEY', 'abc', 'fail'],
    ['CLIENT_CREDENTIALS', 'abc', 'fail'],
    ['DB_PASSWORD', '', 'pass'],
    ['DB_PASSWORD_FILE', '/run/secrets/db', 'pass'],
    ['TOKEN_PATH', '/var/run/token', 'pass'],
    ['SECRET_NAME', 'my-secret', 'pass'],
    ['OAUTH_TOKEN_URL', 'https://auth.example.com/token', 'pass'],
    ['DATABASE_URL', 'postgres://app:s3cret@db:5432/app', 'fail'],
    ['DATABASE_URL', 'postgres://db:5432/app', 'pass'],
    ['TLS_KEY', '-----BEGIN RSA PRIVATE KEY-----\nabc', 'fail'],
    ['LOG_LEVEL', 'debug', 'pass'],
  ])('%s=%p gives %s', (name, value, status) => {
    expect(
      resultOf(
        [deployment({ [env]: [{ name, value }] })],
        'secrets-by-reference',
      ).status,
    ).toBe(status);
  });

  it('accepts valueFrom references', () => {
    const object = deployment({
      [env]: [
        {
          name: 'DB_PASSWORD',
          valueFrom: { secretKeyRef: { name: 'db', key: 'password' } },
        },
      ],
    });
    expect(resultOf([object], 'secrets-by-reference').status).toBe('pass');
  });

  it('checks init containers and never echoes the value', () => {
    const object = deployment({
      'spec.template.spec.initContainers': [
        {
          name: 'init',
          image: 'x:1',
          env: [{ name: 'API_TOKEN', value: 'supersecretvalue' }],
        },
      ],
    });
    const result = resultOf([object], 'secrets-by-reference');
    expect(result.status).toBe('fail');
    expect(result.message).toContain('API_TOKEN in "init"');
    expect(result.message).not.toContain('supersecretvalue');
    expect(result.remediation).toContain('secretKeyRef');
  });

  it('tolerates malformed env entries', () => {
    const object = deployment({ [env]: [null, 'X=1', { name: 5, value: 6 }] });
    expect(resultOf([object], 'secrets-by-reference').status).toBe('pass');
  });
});

describe('credentials in values (r3)', () => {
  const envOf = (value: string, name = 'DATABASE') => ({
    'spec.template.spec.containers.0.env': [{ name, value }],
  });
  it.each([
    ['Host=db;Password=s3cret', 'fail'],
    ['Server=db;User Id=app;pwd=x', 'fail'],
    ['host=db passwd=x', 'fail'],
    ['postgres://db?user=app&password=x', 'fail'],
    ['PASSWORD=x', 'fail'],
    ['redis://:pass@cache:6379', 'fail'],
    ['Host=db;Password=$(DB_PASSWORD)', 'pass'],
    ['Host=db;Password=', 'pass'],
    ['Host=db;PasswordFile=/run/secret', 'pass'],
    ['https://example.com/a:b', 'pass'],
  ])('%s gives %s', (value, status) => {
    expect(
      resultOf([deployment(envOf(value))], 'secrets-by-reference').status,
    ).toBe(status);
  });

  it('never excuses a credential in the value by the name', () => {
    expect(
      resultOf(
        [deployment(envOf('Host=db;Password=s3cret', 'DB_URL'))],
        'secrets-by-reference',
      ).status,
    ).toBe('fail');
  });

  it('builds the fix from the flagged variable, at its path', () => {
    const result = resultOf(
      [deployment(envOf('Host=db;Password=s3cret', 'DB_CONNECTION'))],
      'secrets-by-reference',
    );
    expect(result.remediation).toContain(
      '# Deployment "api": spec.template.spec.containers[0] ("api")',
    );
    expect(result.remediation).toContain('- name: DB_CONNECTION');
    expect(result.remediation).toContain(
      'name: api\n        key: db-connection',
    );
    expect(result.remediation).not.toContain('my-app-secrets');
  });
});
