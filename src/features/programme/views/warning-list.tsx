import type { Page } from '../../../views/page';
import type { ProgrammeItem } from '../queries';
import type { ProgrammeWarning } from '../warnings/find-warnings';
import { localTitle } from '../../../views/local-title';

/** One warning as a sentence in the reader's language. */
export function warningText(page: Page, w: ProgrammeWarning): string {
  const { t } = page;
  switch (w.code) {
    case 'person_double_booked':
    case 'speaker_limit':
      return t(`manage.warning.${w.code}`, {
        name: w.name,
        count: 'count' in w ? w.count : 0,
        max: 'max' in w ? w.max : 0,
      });
    case 'room_clash':
    case 'room_unavailable':
      return t(`manage.warning.${w.code}`, { room: w.room });
    case 'over_capacity':
      return t('manage.warning.over_capacity', {
        room: w.room,
        expected: w.expected,
        capacity: w.capacity,
      });
    case 'panel_few_speakers':
    case 'panel_few_groups':
      return t(`manage.warning.${w.code}`, { count: w.count });
    default:
      return t(`manage.warning.${w.code}`);
  }
}

/** The programme's warnings, each with links to the sessions it concerns. */
export function WarningList(props: {
  page: Page;
  warnings: ProgrammeWarning[];
  sessions: Map<string, ProgrammeItem>;
  editHref: (s: ProgrammeItem) => string;
}) {
  const { page } = props;
  if (props.warnings.length === 0) return <p class="notice">{page.t('manage.warnings.none')}</p>;
  return (
    <ul class="warnings">
      {props.warnings.map((w) => (
        <li>
          <span class="warning-code" data-code={w.code}>
            {warningText(page, w)}
          </span>{' '}
          {w.sessionIds
            .map((id) => props.sessions.get(id))
            .filter((s): s is ProgrammeItem => Boolean(s))
            .map((s, i) => (
              <>
                {i > 0 && ' · '}
                <a href={props.editHref(s)}>{localTitle(page, s)}</a>
              </>
            ))}
        </li>
      ))}
    </ul>
  );
}
