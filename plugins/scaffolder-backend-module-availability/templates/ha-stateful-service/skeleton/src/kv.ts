import express, { type Express } from 'express';
import { isValidKey, type FileStore } from './store';

/** `GET` and `PUT /kv/:key`: values kept on this replica's volume. */
export function addKvRoutes(app: Express, options: { store: FileStore }): void {
  const { store } = options;

  app.get('/kv/:key', async (req, res, next) => {
    try {
      if (!isValidKey(req.params.key)) {
        res.status(400).json({ error: 'invalid key' });
        return;
      }
      const value = await store.get(req.params.key);
      if (value === undefined) {
        res.status(404).json({ error: 'not found' });
      } else {
        res.type('text/plain').send(value);
      }
    } catch (error) {
      next(error);
    }
  });

  app.put('/kv/:key', express.text({ type: '*/*', limit: '1mb' }), async (req, res, next) => {
    try {
      if (!isValidKey(req.params.key)) {
        res.status(400).json({ error: 'invalid key' });
        return;
      }
      await store.put(req.params.key, typeof req.body === 'string' ? req.body : '');
      res.status(204).end();
    } catch (error) {
      next(error);
    }
  });
}
