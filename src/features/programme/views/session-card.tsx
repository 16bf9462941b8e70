import { formatDay, formatTime } from '../../../lib/format';
import { localTitle } from '../../../views/local-title';
import type { Page } from '../../../views/page';
import type { ProgrammeItem } from '../queries';
import { sessionRoles } from '../schema';
import { paragraphsOf } from './description-text';

/** One session of the programme: time, title, room, organisers and people by role. */
export function SessionCard(props: {
  page: Page;
  item: ProgrammeItem;
  timeZone: string;
  href: string;
  full?: boolean;
  /** Links each person's name to their page (the full session page does; lists stay light). */
  personHref?: (personId: string) => string;
  /** Shows the day before the time (a list whose sessions span several days). */
  withDate?: boolean;
  /** Shows the star button posting to `action`; `next` is where to come back afterwards. */
  star?: { starred: boolean; action: string; next: string };
}) {
  const { t, lang } = props.page;
  const s = props.item;
  const Heading = props.full ? 'h1' : 'h3';
  const personHref = props.personHref;
  return (
    <article class={`session kind-${s.kind}`}>
      <p class="when">
        {props.withDate && <>{formatDay(s.startsAt, lang, props.timeZone)} · </>}
        <time datetime={s.startsAt.toISOString()}>
          {formatTime(s.startsAt, lang, props.timeZone)}
        </time>
        –<time datetime={s.endsAt.toISOString()}>{formatTime(s.endsAt, lang, props.timeZone)}</time>
        {s.room && <> · {s.room.name}</>}
      </p>
      <Heading>
        {props.full ? (
          localTitle(props.page, s)
        ) : (
          <a href={props.href}>{localTitle(props.page, s)}</a>
        )}
      </Heading>
      {s.institutions.length > 0 && (
        <p>
          {t('programme.organisedBy')}: {s.institutions.map((i) => i.acronym ?? i.name).join(', ')}
        </p>
      )}
      {sessionRoles
        .filter((role) => s.people.some((p) => p.role === role))
        .map((role) => {
          const inRole = s.people.filter((p) => p.role === role);
          const label =
            inRole.length === 1 ? t(`programme.roleOne.${role}`) : t(`programme.role.${role}`);
          return (
            <p>
              <strong>{label}:</strong>{' '}
              {inRole.map((p, i) => (
                <>
                  {i > 0 && ', '}
                  {personHref ? <a href={personHref(p.personId)}>{p.name}</a> : p.name}
                  {p.affiliation && <span class="affiliation"> ({p.affiliation})</span>}
                </>
              ))}
            </p>
          );
        })}
      {props.full &&
        paragraphsOf(lang === 'en' ? (s.descriptionEn ?? s.descriptionEs) : s.descriptionEs).map(
          (text) => <p class="description">{text}</p>,
        )}
      {props.full && s.links && s.links.length > 0 && (
        <>
          <h2>{t('programme.links')}</h2>
          <ul>
            {s.links.map((l) => (
              <li>
                <a href={l.url} rel="nofollow noopener">
                  {l.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.star && (
        <form method="post" action={props.star.action} class="star">
          <input type="hidden" name="_csrf" value={props.page.csrfToken} />
          <input type="hidden" name="next" value={props.star.next} />
          <button
            type="submit"
            class="secondary"
            aria-pressed={props.star.starred ? 'true' : 'false'}
          >
            {props.star.starred ? `★ ${t('agenda.remove')}` : `☆ ${t('agenda.add')}`}
          </button>
        </form>
      )}
      {s.responsibleNote && (
        <p>
          {t('programme.responsible')}: {s.responsibleNote}
        </p>
      )}
    </article>
  );
}
