/**
 * The two IPC channels between main and preload. This file imports nothing,
 * so the sandboxed preload bundles it without any schema library or Node API.
 */
export const CALL_CHANNEL = 'counter:call';
export const EVENT_CHANNEL = 'counter:event';
