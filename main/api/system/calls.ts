import { z } from 'zod';
import { call, none } from '../call';
import { languageSchema, systemStatusSchema, uiSettingsSchema } from '../schemas';

export const systemCalls = {
  'system.status': call(none, systemStatusSchema),
  'settings.get': call(none, uiSettingsSchema),
  'settings.setLanguage': call(z.strictObject({ language: languageSchema }), uiSettingsSchema),
} as const;
