import { parseDockerfile, stageLineage } from './dockerfile';

describe('parseDockerfile', () => {
  it('reads stages, aliases, flags and lines', () => {
    const parsed = parseDockerfile(
      [
        '# syntax=docker/dockerfile:1',
        'ARG VERSION=22',
        'FROM --platform=$BUILDPLATFORM node:${VERSION} AS Build',
        'RUN npm ci \\',
        '  # a comment inside a continuation',
        '  && npm run build',
        '',
        'FROM gcr.io/distroless/nodejs22:nonroot',
        'COPY --from=build --chown=1000:1000 /src/dist /app',
        'USER nonroot',
      ].join('\n'),
    );
    expect(parsed.globalArgs).toEqual({ VERSION: '22' });
    expect(
      parsed.stages.map(s => [s.index, s.resolvedImage, s.alias, s.line]),
    ).toEqual([
      [0, 'node:22', 'build', 3],
      [1, 'gcr.io/distroless/nodejs22:nonroot', undefined, 8],
    ]);
    expect(parsed.stages[0].instructions).toEqual([
      { keyword: 'RUN', args: 'npm ci  && npm run build', flags: {}, line: 4 },
    ]);
    expect(parsed.stages[1].instructions[0]).toMatchObject({
      keyword: 'COPY',
      flags: { from: 'build', chown: '1000:1000' },
      args: '/src/dist /app',
    });
  });

  it('honours the escape directive', () => {
    const parsed = parseDockerfile(
      '# escape=`\nFROM windows:ltsc2022\nRUN dir `\n  c:\\\nUSER app',
    );
    expect(parsed.stages[0].instructions.map(i => i.keyword)).toEqual([
      'RUN',
      'USER',
    ]);
  });

  it('skips heredoc bodies', () => {
    const parsed = parseDockerfile(
      'FROM alpine:3\nRUN <<-EOT\n\tUSER root\n\tEOT\nUSER app',
    );
    expect(parsed.stages[0].instructions.map(i => [i.keyword, i.args])).toEqual(
      [
        ['RUN', '<<-EOT'],
        ['USER', 'app'],
      ],
    );
  });

  it('follows FROM <stage> chains', () => {
    const parsed = parseDockerfile(
      'FROM a:1 AS base\nFROM base AS mid\nFROM mid',
    );
    expect(stageLineage(parsed, parsed.stages[2]).map(s => s.index)).toEqual([
      2, 1, 0,
    ]);
  });

  it.each([[''], ['\\'], ['FROM'], ['RUN x'], ['FROM a \\']])(
    'never throws on %p',
    content => {
      expect(() => parseDockerfile(content)).not.toThrow();
    },
  );
});
