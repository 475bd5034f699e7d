// The progress record of a program-year switch: one script property of constant size (names of
// at most 100 characters, a few ids), written before the first change and updated after each
// stage, so a run cut off anywhere is resumed by running the same switch again.
//
// Stages, in order:
//   start     the record exists; the old form is being closed and the old tabs archived
//   sheet     Applications/Log archived, Settings/Communities/Meetings hold the new year
//   switched  the new form and its responses tab are the current ones (intake may run again)
//   done      meetings created, the new form published; applying the same year again is a no-op
// Intake and the sweep stand still while the stage is `start` or `sheet`: the sheet is then
// between two years (its responses are taken by the first run after the switch).

export const SWITCH_PROPERTY = 'programYear.switch';

export const STAGES = ['start', 'sheet', 'switched', 'done'] as const;
export type Stage = (typeof STAGES)[number];

export interface SwitchRecord {
  v: 1;
  /** the old program's name and years label ("2023–2024") */
  from: string;
  fromLabel: string;
  /** the new program's name */
  to: string;
  /** [tab, archived name] pairs, chosen once so a resumed run renames to the same names */
  archives: [string, string][];
  /** the old year's form ('' when there was none) */
  oldFormId: string;
  /** the new year's form once created ('' before) */
  newFormId: string;
  /** whether the new form's questions are complete */
  built: boolean;
  /** the new form's responses tab once linked ('' before) */
  responsesTab: string;
  stage: Stage;
  /** ISO time the switch started */
  at: string;
}

function str(v: unknown, max = 200): string | null {
  return typeof v === 'string' && v.length <= max ? v : null;
}

/** The record from its property value; null when absent or unreadable (treated as no switch). */
export function parseRecord(raw: string | null | undefined): SwitchRecord | null {
  if (!raw) return null;
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!o || typeof o !== 'object' || o.v !== 1) return null;
  const stage = STAGES.find((s) => s === o.stage);
  const archives =
    Array.isArray(o.archives) && o.archives.every((a) => Array.isArray(a) && a.length === 2 && str(a[0]) !== null && str(a[1]) !== null)
      ? (o.archives as [string, string][])
      : null;
  const fields = [str(o.from), str(o.fromLabel), str(o.to), str(o.oldFormId), str(o.newFormId), str(o.responsesTab), str(o.at)];
  if (!stage || !archives || fields.some((f) => f === null) || typeof o.built !== 'boolean') return null;
  const [from, fromLabel, to, oldFormId, newFormId, responsesTab, at] = fields as string[];
  return { v: 1, from, fromLabel, to, archives, oldFormId, newFormId, built: o.built, responsesTab, stage, at };
}

export function stageAtLeast(record: SwitchRecord, stage: Stage): boolean {
  return STAGES.indexOf(record.stage) >= STAGES.indexOf(stage);
}

/** Whether intake and the sweep must wait: a switch has started and not yet moved to the new form. */
export function switchInProgress(props: Record<string, string>): boolean {
  const r = parseRecord(props[SWITCH_PROPERTY]);
  return !!r && !stageAtLeast(r, 'switched');
}
