import type { Capability } from '../platform/capability';
import { boardRoutes } from './board.routes';
import { eventHub } from './event-hub';
import { updateCongestionLevels } from './levels.job';
import { LiveStreams } from './live-streams';
import { publicRoutes } from './public.routes';
import { loadOperationsSettings } from './settings';
import { congestionThresholds } from './thresholds';
import { dispatchWebhookEvents } from './webhooks/dispatch';
import { sendDueWebhooks } from './webhooks/sender';
import { webhooksRoutes } from './webhooks.routes';

// Operations: event hub and live board, congestion levels, public congestion feed, warnings and
// webhooks (issue 8). See README.md in this folder.
const settings = loadOperationsSettings(); // a wrong OPERATIONS_* / WEBHOOKS_* variable stops the start-up
congestionThresholds(); // so does a wrong thresholds file

export const operationsCapability: Capability = {
  name: 'operations',
  routes: async (app) => {
    const current = loadOperationsSettings();
    const hub = eventHub(app.services, current.eventPollMs);
    await hub.start();
    const streams = new LiveStreams(app.services, hub, current.heartbeatSeconds);
    // Open streams end before the server stops waiting for its connections.
    app.addHook('preClose', async () => streams.close());
    app.addHook('onClose', async () => hub.stop());
    await app.register(boardRoutes(() => streams));
    await app.register(publicRoutes(current, () => streams));
    await app.register(webhooksRoutes);
  },
  jobs: [
    { name: 'operations.levels', everyMs: settings.levelsSeconds * 1000, run: async (s) => void (await updateCongestionLevels(s)) },
    { name: 'operations.webhooks.dispatch', everyMs: 2000, run: async (s) => void (await dispatchWebhookEvents(s)) },
    { name: 'operations.webhooks.send', everyMs: 2000, run: async (s) => void (await sendDueWebhooks(s)) },
  ],
};
