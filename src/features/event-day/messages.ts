/** Messages of the event day (volunteers, shifts, room counts, attendance, badges). */
export const eventDayEs = {
  'eventDay.volunteer.unknown': 'No encontramos a esa persona.',
  'eventDay.volunteer.already': 'Esta persona ya está en la lista de voluntariado del evento.',
  'eventDay.access.noAccount':
    'No hay una cuenta con este correo: pida a la persona que cree una cuenta con él y vuelva a intentarlo.',
};

export const eventDayEn: Record<keyof typeof eventDayEs, string> = {
  'eventDay.volunteer.unknown': 'We could not find that person.',
  'eventDay.volunteer.already': 'This person is already on the event’s volunteer roster.',
  'eventDay.access.noAccount':
    'There is no account with this e-mail: ask the person to create an account with it and try again.',
};
