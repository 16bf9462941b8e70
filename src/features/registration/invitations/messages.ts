/** Messages of invitations: the organisers' page and the invitee's private page. */
export const invitationEs = {
  'invitation.title': 'Invitaciones',
  'invitation.lead':
    'Invita personalmente a quien quieras en este evento. Cada persona recibe un correo en su idioma con un enlace privado para aceptar o declinar, sin cuenta.',
  'invitation.counts': 'Respuestas',
  'invitation.status.pending': 'Sin respuesta',
  'invitation.status.accepted': 'Aceptó',
  'invitation.status.declined': 'Declinó',
  'invitation.count.total': 'Personas invitadas',
  'invitation.count.attended': 'Asistieron',
  'invitation.count.absent': 'No asistieron',
  'invitation.representing': 'En representación de',
  'invitation.invite.title': 'Invitar',
  'invitation.invite.network': 'Personas de la red',
  'invitation.invite.networkHint':
    'Solo aparecen quienes tienen correo y aún no están invitadas a este evento.',
  'invitation.invite.search': 'Buscar en la red',
  'invitation.invite.searchButton': 'Buscar',
  'invitation.invite.noChoices': 'No hay personas de la red con correo para invitar.',
  'invitation.invite.more': 'Se muestran las primeras {count}; busca para encontrar a otras.',
  'invitation.invite.list': 'O pega una lista',
  'invitation.invite.listHint':
    'Una persona por línea: «Nombre <correo>» o «Nombre, correo, a quién representa».',
  'invitation.invite.lang': 'Idioma de la invitación para la lista pegada',
  'invitation.invite.langHint':
    'Quien ya está en la red con un idioma conocido la recibe en su idioma.',
  'invitation.invite.send': 'Enviar invitaciones',
  'invitation.invite.nothing': 'Elige a alguien de la red o pega al menos una línea.',
  'invitation.invite.badLines':
    'No pudimos leer {count} líneas de la lista. Corrígelas y vuelve a enviar: todavía no se envió ninguna invitación.',
  'invitation.invite.sent': 'Enviaste {count} invitaciones.',
  'invitation.invite.skipped':
    'Enviaste {count} invitaciones. No se invitó a {skipped} personas: ya estaban invitadas o no tienen correo.',
  'invitation.line.format':
    'Línea {line} («{text}»): escríbela como «Nombre <correo>» o «Nombre, correo, a quién representa».',
  'invitation.line.name': 'Línea {line} («{text}»): falta el nombre o es demasiado largo.',
  'invitation.line.email': 'Línea {line} («{text}»): el correo no es válido.',
  'invitation.line.representing':
    'Línea {line} («{text}»): «a quién representa» es demasiado largo (máximo 200 caracteres).',
  'invitation.line.duplicate': 'Línea {line} («{text}»): ese correo ya está en una línea anterior.',
  'invitation.list.title': 'Personas invitadas',
  'invitation.list.empty': 'Todavía no invitaste a nadie.',
  'invitation.list.name': 'Nombre',
  'invitation.list.email': 'Correo',
  'invitation.list.lang': 'Idioma',
  'invitation.list.status': 'Respuesta',
  'invitation.list.sentAt': 'Invitación enviada',
  'invitation.list.respondedAt': 'Respondió',
  'invitation.list.remindedAt': 'Último recordatorio',
  'invitation.list.attended': 'Asistió',
  'invitation.list.noEmail': 'sin correo',
  'invitation.attendance.hint': 'Después del evento, marca quién vino y guarda.',
  'invitation.attendance.notYet': 'Podrás registrar la asistencia cuando empiece el evento.',
  'invitation.attendance.unknown': 'Sin registrar',
  'invitation.attendance.label': 'Asistencia de {name}',
  'invitation.attendance.save': 'Guardar asistencia',
  'invitation.attendance.saved': 'Guardaste la asistencia.',
  'invitation.remind.link': 'Recordar a quienes no respondieron',
  'invitation.remind.title': 'Recordar a quienes no respondieron',
  'invitation.remind.lead':
    'Se enviará un recordatorio con su enlace privado a {count} personas que aún no responden. Quien ya respondió no recibe nada, y tampoco quien recibió un recordatorio hace menos de un día.',
  'invitation.remind.none':
    'No hay a quién recordar: todas las personas con correo ya respondieron o recibieron un recordatorio hace menos de un día.',
  'invitation.remind.send': 'Enviar {count} recordatorios',
  'invitation.remind.sent': 'Enviaste {count} recordatorios.',
  'invitation.remind.back': 'Volver sin enviar',
  'invitation.error.not_found': 'Este enlace de invitación no existe.',
  'invitation.error.event_not_started': 'La asistencia se registra cuando el evento ya empezó.',
  'invitation.error.unknown_event': 'El evento no existe en esta iniciativa.',
  'invitation.mine.title': 'Tu invitación',
  'invitation.mine.for': 'Invitación personal para {name}',
  'invitation.mine.private':
    'Esta página es privada: quien tenga este enlace puede responder por ti.',
  'invitation.mine.question': '¿Asistirás?',
  'invitation.mine.accept': 'Acepto, asistiré',
  'invitation.mine.decline': 'No podré asistir',
  'invitation.mine.pending': 'Todavía no respondiste.',
  'invitation.mine.accepted': 'Aceptaste esta invitación.',
  'invitation.mine.declined': 'Declinaste esta invitación.',
  'invitation.mine.change': 'Puedes cambiar tu respuesta cuando quieras.',
  'invitation.mine.thanksAccepted':
    'Gracias: registramos que asistirás. Te enviamos una confirmación por correo.',
  'invitation.mine.thanksDeclined': 'Gracias por avisarnos: registramos que no asistirás.',
} as const;

export const invitationEn: Record<keyof typeof invitationEs, string> = {
  'invitation.title': 'Invitations',
  'invitation.lead':
    'Invite the people you want at this event in person. Each one gets an e-mail in their language with a private link to accept or decline, without an account.',
  'invitation.counts': 'Answers',
  'invitation.status.pending': 'No answer yet',
  'invitation.status.accepted': 'Accepted',
  'invitation.status.declined': 'Declined',
  'invitation.count.total': 'People invited',
  'invitation.count.attended': 'Attended',
  'invitation.count.absent': 'Did not attend',
  'invitation.representing': 'Representing',
  'invitation.invite.title': 'Invite',
  'invitation.invite.network': 'People in the network',
  'invitation.invite.networkHint':
    'Only people with an e-mail who are not yet invited to this event are shown.',
  'invitation.invite.search': 'Search the network',
  'invitation.invite.searchButton': 'Search',
  'invitation.invite.noChoices': 'There is nobody in the network with an e-mail left to invite.',
  'invitation.invite.more': 'The first {count} are shown; search to find others.',
  'invitation.invite.list': 'Or paste a list',
  'invitation.invite.listHint':
    'One person per line: “Name <e-mail>” or “Name, e-mail, who they represent”.',
  'invitation.invite.lang': 'Language of the invitation for the pasted list',
  'invitation.invite.langHint':
    'People already in the network with a known language get it in their language.',
  'invitation.invite.send': 'Send invitations',
  'invitation.invite.nothing': 'Choose someone from the network or paste at least one line.',
  'invitation.invite.badLines':
    'We could not read {count} lines of the list. Fix them and send again: no invitation was sent yet.',
  'invitation.invite.sent': 'You sent {count} invitations.',
  'invitation.invite.skipped':
    'You sent {count} invitations. {skipped} people were not invited: they were already invited or have no e-mail.',
  'invitation.line.format':
    'Line {line} (“{text}”): write it as “Name <e-mail>” or “Name, e-mail, who they represent”.',
  'invitation.line.name': 'Line {line} (“{text}”): the name is missing or too long.',
  'invitation.line.email': 'Line {line} (“{text}”): the e-mail is not valid.',
  'invitation.line.representing':
    'Line {line} (“{text}”): “who they represent” is too long (200 characters at most).',
  'invitation.line.duplicate': 'Line {line} (“{text}”): that e-mail is already on an earlier line.',
  'invitation.list.title': 'People invited',
  'invitation.list.empty': 'You have not invited anyone yet.',
  'invitation.list.name': 'Name',
  'invitation.list.email': 'E-mail',
  'invitation.list.lang': 'Language',
  'invitation.list.status': 'Answer',
  'invitation.list.sentAt': 'Invitation sent',
  'invitation.list.respondedAt': 'Answered',
  'invitation.list.remindedAt': 'Last reminder',
  'invitation.list.attended': 'Attended',
  'invitation.list.noEmail': 'no e-mail',
  'invitation.attendance.hint': 'After the event, mark who came and save.',
  'invitation.attendance.notYet': 'You can record attendance once the event has begun.',
  'invitation.attendance.unknown': 'Not recorded',
  'invitation.attendance.label': 'Attendance of {name}',
  'invitation.attendance.save': 'Save attendance',
  'invitation.attendance.saved': 'You saved the attendance.',
  'invitation.remind.link': 'Remind those who have not answered',
  'invitation.remind.title': 'Remind those who have not answered',
  'invitation.remind.lead':
    'A reminder with their private link will go to {count} people who have not answered yet. Nobody who answered gets anything, nor does anyone reminded less than a day ago.',
  'invitation.remind.none':
    'There is nobody to remind: everyone with an e-mail has answered or was reminded less than a day ago.',
  'invitation.remind.send': 'Send {count} reminders',
  'invitation.remind.sent': 'You sent {count} reminders.',
  'invitation.remind.back': 'Go back without sending',
  'invitation.error.not_found': 'This invitation link does not exist.',
  'invitation.error.event_not_started': 'Attendance is recorded once the event has begun.',
  'invitation.error.unknown_event': 'The event does not exist in this initiative.',
  'invitation.mine.title': 'Your invitation',
  'invitation.mine.for': 'Personal invitation for {name}',
  'invitation.mine.private': 'This page is private: anyone with this link can answer for you.',
  'invitation.mine.question': 'Will you attend?',
  'invitation.mine.accept': 'Accept — I will attend',
  'invitation.mine.decline': 'Decline — I cannot attend',
  'invitation.mine.pending': 'You have not answered yet.',
  'invitation.mine.accepted': 'You accepted this invitation.',
  'invitation.mine.declined': 'You declined this invitation.',
  'invitation.mine.change': 'You can change your answer at any time.',
  'invitation.mine.thanksAccepted':
    'Thank you: we have noted that you will attend. We sent you a confirmation by e-mail.',
  'invitation.mine.thanksDeclined':
    'Thank you for letting us know: we have noted that you will not attend.',
};

declare module '../../../i18n/index' {
  interface FeatureMessages extends Record<keyof typeof invitationEs, string> {}
}
