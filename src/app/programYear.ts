// Program years (SPEC behaviour 7): propose the next year from the current one, and apply an
// (edited) proposal: last year's Applications and Log are kept as tabs named with its years, its
// form stops accepting responses and stays as it is, a new form and responses tab serve the new
// year, Settings/Communities/Meetings hold it, its meetings are created on the program calendar.
// Nothing is emailed.
//
// Resumable: a progress record (src/domain/programYear/record.ts, one script property) is
// written before the first change; every step below looks at the state before acting, so a run
// cut off at any service call and run again ends in the same state, and applying the same year
// again changes nothing. The one thing no step can find again is a form created by
// FormApp.create whose id was not yet recorded (the run was cut off between the two calls):
// without the Drive scope nothing can list it, so the next run creates another; the first stays
// in the owner's Drive, unpublished, unlinked and empty of questions.
//
// The steps live in programYear/: propose.ts, apply.ts (the switch), archive.ts (tabs), forms.ts,
// progress.ts (the record).
import { showModalDialogFile_ } from '../workspace/menuUi';

export { proposeProgramYear_ } from './programYear/propose';
export { startProgramYear_ } from './programYear/apply';

export function openProgramYearDialog_(): void {
  showModalDialogFile_('ProgramYear', 'New program year', 1000, 700);
}
