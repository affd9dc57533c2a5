// The bundle thread's entry (a worker_threads Worker started by BundleThread): parses a build's
// rows and runs translation-core's buildBundle off the worker's event loop.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { parseCopyText } from '../database/copy-out';
import {
  type BuildNamespace,
  type SourcesByNamespace,
  buildLocaleBundles,
  groupSources,
  sourceRowsOf,
  winnerRowsOf,
} from './locale-bundles';
import { BUILD_NICE, type ThreadReply, type ThreadRequest } from './bundle-thread.protocol';

interface Session {
  readonly namespaces: readonly BuildNamespace[];
  readonly sources: SourcesByNamespace;
}

const sessions = new Map<number, Session>();

// On Linux a nice value belongs to one thread: only this one is lowered (see BUILD_NICE).
if (process.platform === 'linux') {
  try {
    setPriority(BUILD_NICE);
  } catch {
    // Not permitted here: the thread builds at normal priority.
  }
}

function answer(request: ThreadRequest): ThreadReply {
  switch (request.type) {
    case 'open': {
      const rows = sourceRowsOf(parseCopyText(request.sources));
      sessions.set(request.session, {
        namespaces: request.namespaces,
        sources: groupSources(rows, request.namespaces),
      });
      return { id: request.id, ok: true };
    }
    case 'build': {
      const session = sessions.get(request.session);
      if (session === undefined) throw new Error(`bundle session ${request.session} is not open`);
      const winners = winnerRowsOf(parseCopyText(request.winners));
      const bundles = buildLocaleBundles(session.sources, session.namespaces, {
        ...request.locale,
        winners,
      });
      return { id: request.id, ok: true, bundles };
    }
    case 'close':
      sessions.delete(request.session);
      return { id: request.id, ok: true };
  }
}

const port = parentPort;
if (port === null) throw new Error('bundle-build.thread runs as a worker thread only');
port.on('message', (request: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    reply = answer(request);
  } catch (error) {
    reply = {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  port.postMessage(reply);
});
