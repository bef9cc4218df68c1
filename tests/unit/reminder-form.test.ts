// The reminder dialog's draft: what an edit must carry through unchanged although the dialog shows
// no field for it (found when 'edit all' re-saved a colleague's reminder in the editor's zone and
// cut its link to the interaction it was made from).
import { describe, expect, it } from 'vitest'
import { draftOf, toReminderInput } from '../../renderer/src/features/calendar/reminderForm'
import type { Reminder } from '../../shared/reminders'

const made: Reminder = {
  id: 'r1',
  customerId: 'c1',
  contactId: 'k1',
  kind: 'follow_up',
  dueDate: '2027-03-01',
  dueTime: '09:00',
  timeZone: 'Europe/Paris',
  rrule: 'FREQ=WEEKLY;BYDAY=MO',
  note: 'Send the new catalogue',
  assignee: 'Claire',
  interactionId: 'i1',
  createdAt: '2027-02-01T08:00:00.000Z',
}

describe('reminder draft', () => {
  it('an edit keeps the time zone and the interaction the reminder came from', () => {
    const draft = draftOf('c1', null, made, '2027-02-02')
    const input = toReminderInput({ ...draft, note: 'Send the catalogue and prices' })
    expect(input).toMatchObject({
      timeZone: 'Europe/Paris',
      interactionId: 'i1',
      contactId: 'k1',
      dueTime: '09:00',
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      note: 'Send the catalogue and prices',
    })
  })

  it('a new reminder names no zone (main uses the author’s) and no interaction', () => {
    const input = toReminderInput(draftOf('c1', null, undefined, '2027-02-02'))
    expect(input.timeZone).toBeNull()
    expect(input.interactionId).toBeNull()
    expect(input.dueDate).toBe('2027-02-02')
  })
})
