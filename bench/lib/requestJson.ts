import http from 'node:http';

/**
 * A JSON request on a connection of its own. The suites start and stop
 * servers on random ports, and a pooled keep-alive connection can outlive
 * its server or sit idle past the server's keep-alive timeout while a suite
 * seeds data; a fresh connection has neither problem.
 */
export function requestJson(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: unknown;
  } = {},
): Promise<any> {
  const method = options.method ?? 'GET';
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent: false,
        headers: {
          ...options.headers,
          ...(options.body !== undefined && {
            'content-type': 'application/json',
          }),
        },
      },
      res => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(JSON.parse(text))
            : reject(
                new Error(
                  `${method} ${url} answered ${res.statusCode}: ${text.slice(
                    0,
                    300,
                  )}`,
                ),
              ),
        );
      },
    );
    req.on('error', reject);
    req.end(
      options.body === undefined ? undefined : JSON.stringify(options.body),
    );
  });
}
