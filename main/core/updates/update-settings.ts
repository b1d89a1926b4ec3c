import type { SettingsRepository } from '../settings';
import type { StaffUpdateChoice } from './update-policy';
import { releaseNotesSchema, STAFF_UPDATE_CHOICES, UPDATE_CHANNELS, type ReleaseNotes, type UpdateChannel } from './update-shapes';

const KEYS = {
  channel: 'updates.channel',
  choice: 'updates.staffChoice',
  downloaded: 'updates.downloaded',
  notesSeen: 'updates.notesSeenFor',
  openAtLogin: 'startup.openAtLogin',
} as const;

/**
 * The shop's choices about updates, kept in SQLite so they hold across the restart an update is: the
 * channel, a manager's "restart now" or "later" for the update downloaded, the notes of that update (shown
 * once it runs), and whether the app opens at login.
 */
export class UpdateSettings {
  constructor(private readonly settings: SettingsRepository) {}

  channel(): UpdateChannel {
    const stored = this.settings.get(KEYS.channel);
    return UPDATE_CHANNELS.find((c) => c === stored) ?? 'stable';
  }

  setChannel(channel: UpdateChannel): void {
    this.settings.set(KEYS.channel, channel);
  }

  staffChoice(): StaffUpdateChoice {
    const stored = this.settings.get(KEYS.choice);
    return STAFF_UPDATE_CHOICES.find((c) => c === stored) ?? 'none';
  }

  choose(choice: StaffUpdateChoice): void {
    this.settings.set(KEYS.choice, choice);
  }

  /** An update finished downloading. A choice made for an older download does not carry over to this one. */
  downloaded(notes: ReleaseNotes): void {
    if (this.lastDownloaded()?.version !== notes.version) this.choose('none');
    this.settings.set(KEYS.downloaded, JSON.stringify(notes));
  }

  /** The notes of the version now running, if it came as an update and staff have not read them yet. */
  releaseNotes(runningVersion: string): ReleaseNotes | null {
    const notes = this.lastDownloaded();
    if (!notes || notes.version !== runningVersion || this.settings.get(KEYS.notesSeen) === runningVersion) return null;
    return notes;
  }

  releaseNotesSeen(runningVersion: string): void {
    this.settings.set(KEYS.notesSeen, runningVersion);
  }

  openAtLogin(): boolean {
    return this.settings.get(KEYS.openAtLogin) === '1';
  }

  setOpenAtLogin(open: boolean): void {
    this.settings.set(KEYS.openAtLogin, open ? '1' : '0');
  }

  private lastDownloaded(): ReleaseNotes | undefined {
    const stored = this.settings.get(KEYS.downloaded);
    if (stored === undefined) return undefined;
    const parsed = releaseNotesSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  }
}
