import { deployment, resultOf } from './__fixtures__/objects';

const image = 'spec.template.spec.containers.0.image';

describe('image-tag-pinned', () => {
  it.each([
    ['nginx:1.27', 'pass'],
    ['registry.example.com:5000/team/app:2.0.1', 'pass'],
    ['nginx@sha256:abc123', 'pass'],
    ['nginx:latest@sha256:abc123', 'pass'],
    ['nginx:latest', 'fail'],
    ['nginx', 'fail'],
    ['registry.example.com:5000/team/app', 'fail'],
    ['nginx:', 'fail'],
    ['', 'fail'],
    [42, 'fail'],
  ])('%p gives %s', (value, status) => {
    expect(
      resultOf([deployment({ [image]: value })], 'image-tag-pinned').status,
    ).toBe(status);
  });

  it('checks init containers too', () => {
    const result = resultOf(
      [
        deployment({
          'spec.template.spec.initContainers': [
            { name: 'migrate', image: 'flyway' },
          ],
        }),
      ],
      'image-tag-pinned',
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('"migrate" uses flyway without a tag');
  });

  it('says an untagged image means latest and suggests a digest', () => {
    const result = resultOf(
      [deployment({ [image]: 'nginx' })],
      'image-tag-pinned',
    );
    expect(result.message).toContain('that means latest');
    expect(result.remediation).toContain('@sha256');
  });
});

describe('floating tags (r3)', () => {
  const imageField = 'spec.template.spec.containers.0.image';

  it.each([
    ['redis:alpine', 'fail'],
    ['nginx:stable', 'fail'],
    ['node:lts', 'fail'],
    ['nginx:mainline', 'fail'],
    ['debian:bookworm-slim', 'fail'],
    ['redis:7-alpine', 'pass'],
    ['registry:5000/app:v2', 'pass'],
    ['redis:alpine@sha256:0123', 'pass'],
  ])('%s gives %s', (value, status) => {
    const result = resultOf(
      [deployment({ [imageField]: value })],
      'image-tag-pinned',
    );
    expect(result.status).toBe(status);
    expect(result.message.includes('moves like latest')).toBe(
      status === 'fail',
    );
  });
});
