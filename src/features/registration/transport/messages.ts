/** Messages of transport to an event (routes, seats, manifests), merged into `src/i18n`. */
export const transportEs = {
  'transport.title': 'Transporte',
  'transport.lead':
    'Buses u otro transporte al evento. Quien se inscribe elige una ruta (o ninguna) en el formulario; una ruta llena ya no se ofrece.',
  'transport.heldHint':
    'Ocupados cuenta a quienes tienen lugar, tienen uno ofrecido, esperan aprobación o están en la lista de espera: su asiento en el bus se les guarda.',
  'transport.empty': 'Todavía no hay rutas.',
  'transport.new': 'Nueva ruta',
  'transport.create': 'Crear ruta',
  'transport.edit': 'Editar ruta',
  'transport.created': 'Ruta creada.',
  'transport.saved': 'Ruta guardada.',
  'transport.delete': 'Borrar la ruta',
  'transport.deleteConfirm': '¿Borrar la ruta «{name}»? No se puede deshacer.',
  'transport.deleted': 'Ruta «{name}» borrada.',
  'transport.field.name': 'Nombre de la ruta',
  'transport.field.nameHint': 'Por ejemplo: Bus 1, Universidad de San Carlos.',
  'transport.field.stops': 'Paradas, en orden',
  'transport.field.stopsHint':
    'Una por línea, con la hora si la sabes: «08:00 Universidad de San Carlos» o solo «Universidad del Istmo».',
  'transport.field.departsAt': 'Salida (opcional)',
  'transport.field.returnsAt': 'Regreso (opcional)',
  'transport.field.seats': 'Asientos',
  'transport.dateHint': 'Fechas y horas en la zona horaria del evento',
  'transport.col.route': 'Ruta',
  'transport.col.stops': 'Paradas',
  'transport.col.times': 'Salida y regreso',
  'transport.col.seats': 'Asientos',
  'transport.col.held': 'Ocupados',
  'transport.col.left': 'Libres',
  'transport.departs': 'Sale: {date}',
  'transport.returns': 'Regresa: {date}',
  'transport.manifest': 'Lista de pasajeros',
  'transport.manifest.lead':
    'Personas con lugar confirmado u ofrecido que eligieron esta ruta ({count}). Quienes esperan aprobación o están en la lista de espera aparecen cuando obtienen lugar.',
  'transport.manifest.print': 'Para imprimirla, usa la opción Imprimir de tu navegador.',
  'transport.manifest.empty': 'Nadie ha elegido esta ruta todavía.',
  'transport.manifest.number': 'N.º',
  'transport.manifest.boarded': 'Abordó',
  'transport.manifest.exportCsv': 'Descargar CSV',
  'transport.manifest.exportXlsx': 'Descargar Excel (XLSX)',
  'transport.form.noStops': 'Escribe al menos una parada.',
  'transport.form.stopTime': 'La hora de la línea {line} no es válida (HH:MM, de 00:00 a 23:59).',
  'transport.form.stopName': 'Falta el nombre de la parada en la línea {line}.',
  'transport.form.stopLong':
    'El nombre de la parada de la línea {line} es demasiado largo (máximo 200).',
  'transport.form.tooManyStops': 'Escribe como máximo {max} paradas.',
  'transport.form.returnBeforeDeparture': 'El regreso debe ser después de la salida.',
  'transport.error.route_full':
    'Esa ruta se llenó mientras completabas el formulario. Elige otra o ninguna; el resto de tus datos sigue aquí.',
  'transport.error.unknown_route': 'Esa ruta ya no existe. Elige otra o ninguna.',
  'transport.error.seats_below_held': 'No puede ser menos que los {held} asientos ya ocupados.',
  'transport.error.route_in_use':
    'No se puede borrar: {held} inscripciones eligieron esta ruta. Pídeles que elijan otra ruta.',
  'transport.choose': 'Transporte al evento',
  'transport.chooseHint':
    'Si necesitas bus, elige una ruta: tu asiento queda guardado mientras tu inscripción esté activa. Si cancelas, se libera.',
  'transport.none': 'No necesito transporte',
  'transport.seatsLeft': 'quedan {count} asientos',
  'transport.yours': 'tu asiento',
  'transport.mail.route': 'Transporte',
} as const;

export const transportEn: Record<keyof typeof transportEs, string> = {
  'transport.title': 'Transport',
  'transport.lead':
    'Buses or other transport to the event. Registrants choose a route (or none) in the form; a full route is no longer offered.',
  'transport.heldHint':
    'Taken counts those with a seat, with a seat offered, awaiting approval or on the waiting list: their bus seat is kept for them.',
  'transport.empty': 'No routes yet.',
  'transport.new': 'New route',
  'transport.create': 'Create route',
  'transport.edit': 'Edit route',
  'transport.created': 'Route created.',
  'transport.saved': 'Route saved.',
  'transport.delete': 'Delete the route',
  'transport.deleteConfirm': 'Delete the route “{name}”? This cannot be undone.',
  'transport.deleted': 'Route “{name}” deleted.',
  'transport.field.name': 'Route name',
  'transport.field.nameHint': 'For example: Bus 1, Universidad de San Carlos.',
  'transport.field.stops': 'Stops, in order',
  'transport.field.stopsHint':
    'One per line, with the time if you know it: “08:00 Universidad de San Carlos” or just “Universidad del Istmo”.',
  'transport.field.departsAt': 'Departure (optional)',
  'transport.field.returnsAt': 'Return (optional)',
  'transport.field.seats': 'Seats',
  'transport.dateHint': 'Dates and times in the event’s time zone',
  'transport.col.route': 'Route',
  'transport.col.stops': 'Stops',
  'transport.col.times': 'Departure and return',
  'transport.col.seats': 'Seats',
  'transport.col.held': 'Taken',
  'transport.col.left': 'Free',
  'transport.departs': 'Leaves: {date}',
  'transport.returns': 'Returns: {date}',
  'transport.manifest': 'Passenger list',
  'transport.manifest.lead':
    'People with a confirmed or offered seat who chose this route ({count}). Those awaiting approval or on the waiting list appear once they get a seat.',
  'transport.manifest.print': 'To print it, use your browser’s Print command.',
  'transport.manifest.empty': 'Nobody has chosen this route yet.',
  'transport.manifest.number': 'No.',
  'transport.manifest.boarded': 'Boarded',
  'transport.manifest.exportCsv': 'Download CSV',
  'transport.manifest.exportXlsx': 'Download Excel (XLSX)',
  'transport.form.noStops': 'Write at least one stop.',
  'transport.form.stopTime': 'The time on line {line} is not valid (HH:MM, 00:00 to 23:59).',
  'transport.form.stopName': 'The stop on line {line} has no name.',
  'transport.form.stopLong': 'The stop name on line {line} is too long (200 at most).',
  'transport.form.tooManyStops': 'Write {max} stops at most.',
  'transport.form.returnBeforeDeparture': 'The return must be after the departure.',
  'transport.error.route_full':
    'That route filled up while you were filling in the form. Choose another or none; the rest of your details are still here.',
  'transport.error.unknown_route': 'That route no longer exists. Choose another or none.',
  'transport.error.seats_below_held': 'It cannot be fewer than the {held} seats already taken.',
  'transport.error.route_in_use':
    'It cannot be deleted: {held} registrations chose this route. Ask them to change route.',
  'transport.choose': 'Transport to the event',
  'transport.chooseHint':
    'If you need a bus, choose a route: your seat is kept while your registration is active. Cancelling frees it.',
  'transport.none': 'I do not need transport',
  'transport.seatsLeft': '{count} seats left',
  'transport.yours': 'your seat',
  'transport.mail.route': 'Transport',
};

declare module '../../../i18n/index' {
  interface FeatureMessages extends Record<keyof typeof transportEs, string> {}
}
