# Plenary — catálogo de mensajes en español (la referencia es el catálogo inglés: todos los catálogos tienen exactamente los mismos identificadores).

site-name = Plenary
site-tagline = Foros de múltiples partes interesadas gestionados con transparencia
skip-to-content = Ir al contenido
nav-forums = Foros
nav-countries = Países
nav-account = Su cuenta
nav-sign-in = Iniciar sesión
nav-sign-out = Cerrar sesión
nav-language = Idioma
nav-change-language = Cambiar
nav-main = Navegación principal

home-title = Foros de esta plataforma
home-intro = El foro mundial y las iniciativas nacionales, regionales y juveniles alojadas aquí. Cada uno gestiona sus propias convocatorias, órganos y reuniones.
forums-count = { $count ->
    [one] Un foro
   *[other] { $count } foros
}
col-name = Nombre
col-kind = Tipo
col-country = País
col-time-zone = Zona horaria
col-email = Dirección de correo electrónico
col-role = Rol
col-since = Desde
col-when = Fecha
col-who = Autor
col-action = Acción
col-entity = Entidad
col-change = Cambio
col-iso = Código ISO
col-group = Grupo regional de las Naciones Unidas
col-status = Nivel de desarrollo
col-ldc = LDC
col-lldc = LLDC
col-sids = SIDS
col-created = Creado
col-last-used = Último uso

forum-kind-global = Foro mundial
forum-kind-regional = Iniciativa regional
forum-kind-subregional = Iniciativa subregional
forum-kind-national = Iniciativa nacional
forum-kind-youth = Iniciativa juvenil

forum-stakeholder-groups = Grupos de partes interesadas
forum-your-roles = Sus roles aquí
forum-no-roles = No tiene ningún rol en este foro.
forum-members-area = Área de miembros
forum-people = Personas y roles
forum-audit = Registro de auditoría
forum-members-intro = Esta área es para las personas que tienen un rol en este foro.
forum-add-group = Añadir un grupo de partes interesadas
field-group-code = Código (p. ej. academia)
button-add = Añadir
group-added = Grupo de partes interesadas añadido.

role-secretariat = Secretaría
role-chair = Presidencia
role-body-member = Miembro de un órgano
role-reviewer = Evaluador
role-organiser = Organizador de sesión
role-participant = Participante

sign-in-title = Iniciar sesión
field-email = Dirección de correo electrónico
field-password = Contraseña
field-new-password = Nueva contraseña
field-password-hint = Al menos 10 caracteres.
button-sign-in = Iniciar sesión
sign-in-forgot = ¿Olvidó su contraseña?
sign-in-failed = La dirección de correo electrónico o la contraseña no son correctas.
rate-limited = Demasiados intentos. Vuelva a intentarlo después de { $until }.
session-expired = Su sesión ha caducado. Inicie sesión de nuevo para continuar.
session-expired-kept = Su sesión caducó antes de que se guardaran sus cambios. Se han conservado: inicie sesión y vuelva a enviarlos.
resume-title = Volver a enviar sus cambios
resume-intro = Se cerró su sesión antes de que se guardaran sus cambios. ¿Desea enviarlos de nuevo ahora?
button-resume = Enviar de nuevo
signed-out = Ha cerrado sesión.

reset-title = Restablecer su contraseña
reset-intro = Introduzca la dirección de correo electrónico de su cuenta. Si corresponde a una cuenta, le enviaremos un enlace para elegir una nueva contraseña.
button-send-link = Enviar el enlace
reset-sent = Si existe una cuenta con esa dirección, se le está enviando un enlace para restablecer la contraseña. Es válido durante una hora.
reset-choose-title = Elegir una nueva contraseña
button-set-password = Guardar la contraseña
reset-done = Se ha cambiado su contraseña y se han cerrado todas las sesiones. Inicie sesión con la nueva contraseña.
reset-invalid = Este enlace ha caducado o ya se ha utilizado. Solicite uno nuevo.

account-title = Su cuenta
account-language-intro = Las páginas se muestran en este idioma dondequiera que inicie sesión.
language-follow-browser = Usar el idioma del navegador
button-save = Guardar
saved = Guardado.
account-roles = Sus roles
account-no-roles = Todavía no tiene ningún rol en ningún foro.
tokens-title = Tokens de API
tokens-intro = Los tokens permiten que los scripts usen la API JSON en /api/v1 en su nombre. Envíe uno como «Authorization: Bearer TOKEN».
tokens-none = No tiene tokens de API.
field-token-name = Nombre del token
button-create-token = Crear un token
token-created = Copie este token ahora: no se volverá a mostrar.
button-revoke = Revocar
token-never = Nunca
token-revoked = Revocado

people-title = Personas y roles
people-grant = Asignar un rol
button-grant = Asignar
role-granted = Rol asignado.
role-already-held = Esta cuenta ya tiene ese rol.
role-revoked = Rol revocado.

audit-title = Registro de auditoría
audit-intro = Todos los cambios realizados en este foro, del más reciente al más antiguo.
audit-filter-action = Acción (p. ej., role.grant, o role. para todas)
audit-filter-entity = Tipo de entidad
audit-filter-since = Desde (UTC)
audit-filter-until = Hasta (UTC)
button-filter = Filtrar
audit-download = Descargar CSV
audit-none = Ningún evento coincide.
audit-older = Eventos anteriores

countries-title = Países
countries-intro = Estados Miembros y Estados observadores de las Naciones Unidas, con su grupo regional de las Naciones Unidas, su nivel de desarrollo (Situación y perspectivas de la economía mundial, Naciones Unidas) y su pertenencia a los países menos adelantados (LDC), los países en desarrollo sin litoral (LLDC) y los pequeños Estados insulares en desarrollo (SIDS).
group-african = Grupo de Estados de África
group-asia_pacific = Grupo de Estados de Asia y el Pacífico
group-eastern_european = Grupo de Estados de Europa Oriental
group-grulac = Grupo de Estados de América Latina y el Caribe
group-weog = Grupo de Estados de Europa Occidental y otros Estados
group-none = Sin grupo
status-developed = País desarrollado
status-economy_in_transition = Economía en transición
status-developing = País en desarrollo
status-unknown = Sin clasificar
yes = Sí
no = No

error-title = Se ha producido un error
error-not-found = Esta página no existe.
error-forbidden = No tiene permiso para ver esta página.
error-internal = Se ha producido un error por nuestra parte. Ha quedado registrado.
error-unavailable = No se puede acceder a la base de datos en este momento. Vuelva a intentarlo dentro de un momento.
error-csrf = Este formulario caducó o no procede de este sitio. Vuelva a cargar la página e inténtelo de nuevo.
error-too-large = Lo que ha enviado es demasiado grande.
error-invalid = Revise { $field }.
error-conflict = Esto entra en conflicto con algo que ya existe.
back-home = Volver a la página de inicio

forum-bodies = Órganos
bodies-title = Órganos de este foro
bodies-none = Este foro aún no tiene órganos.
roster-year = Año
roster-members = Miembros
roster-balance = Equilibrio de los puestos ordinarios
roster-check = Verificación de la composición
roster-check-ok = La composición cumple todas las reglas de su constitución.
roster-constitution = Constitución (versión { $version }): { $name }
roster-empty = Nadie ocupaba un puesto ese año.
col-seat = Puesto
col-term = Mandato
col-region = Grupo regional de las Naciones Unidas
col-gender = Género
col-stakeholder-group = Grupo de partes interesadas
col-count = Miembros
dim-stakeholder_group = Por grupo de partes interesadas
dim-region = Por grupo regional de las Naciones Unidas
dim-gender = Por género
seat-regular = Ordinario
seat-ex_officio = Por derecho propio
seat-standing_host_country = Permanente (antiguo país anfitrión)
seat-observer = Observador

mail-reset-subject = Restablezca su contraseña de Plenary
mail-reset-body = Hola, { $name }:

    Alguien ha solicitado restablecer la contraseña de su cuenta de Plenary. Para elegir una nueva contraseña, abra este enlace en el plazo de una hora:

    { $link }

    Si no fue usted, ignore este mensaje: su contraseña no cambiará.

nominate-link = Proponer una candidatura
nominate-title = Proponer una candidatura: { $name }
nominate-intro = Cualquier persona puede proponer una candidatura, incluida la suya. La secretaría revisa cada candidatura según las reglas del órgano y puede contactar a la persona candidata.
nominate-no-open-call = No hay ninguna convocatoria de candidaturas abierta para este órgano en este momento.
nominate-open-until = Abierta hasta el { $until }
nominate-errors = Corrija los campos señalados abajo; lo que escribió se conserva.
nomination-received = Gracias: hemos recibido su candidatura.
nominate-candidate = La persona candidata
nominate-nominator = Quien propone
nominate-endorsements = Respaldos de procesos de grupos de partes interesadas (opcional)
field-call = Convocatoria
field-self-nomination = Me propongo a mí mismo/a
field-candidate-name = Nombre de la persona candidata
field-candidate-email = Correo electrónico de la persona candidata
field-gender-self = Género, tal como lo describe la persona candidata (opcional)
field-organisation = Organización
field-statement = Carta de motivación
field-nominator-name = Su nombre
field-nominator-email = Su correo electrónico
field-endorsement = Organización o proceso que respalda
field-endorsement-note = Nota breve
field-choose = Elegir…
button-nominate = Enviar la candidatura
calls-link = Convocatorias de candidaturas
calls-title = Convocatorias de candidaturas: { $name }
calls-none = Todavía no se ha abierto ninguna convocatoria.
calls-open-new = Abrir una convocatoria
call-opened = La convocatoria está abierta.
field-cycle-year = Año del ciclo
field-title = Título
field-description = Descripción
field-opens-at = Se abre el
field-closes-at = Se cierra el
button-open-call = Abrir la convocatoria
call-open = abierta
call-closed = cerrada
col-cycle = Ciclo
col-window = Abierta desde – hasta
col-nominations = Candidaturas
col-candidate = Persona candidata
col-checks = Criterios de elegibilidad
col-score = Puntuación (0–100)
col-note = Nota
col-nominated-by = Propuesta por
col-endorsements = Respaldos
col-status-of = Estado
col-total = Total
review-title = Candidaturas: { $name }
review-counts = Candidaturas por grupo de partes interesadas y grupo regional de la ONU
review-duplicate = Posiblemente la misma persona que:
review-merge = Fusionar en esta
review-merged-into = Fusionada en:
review-self = autopostulación
review-first-time = nunca ocupó un puesto
review-export = Exportar como CSV
review-import = Importar candidaturas desde un CSV
review-import-hint = Pegue un CSV con las columnas de la exportación. Si alguna línea tiene un error, no se guarda nada.
review-all = Todas
review-none = Ninguna candidatura coincide.
field-csv = CSV
button-import = Importar
nomination-saved = La candidatura se actualizó.
nominations-merged = Las candidaturas se fusionaron; se conservaron todas las personas que proponen y todos los respaldos.
nominations-imported = Las candidaturas se importaron.
status-submitted = Enviada
status-eligible = Elegible
status-ineligible = No elegible
status-withdrawn = Retirada
status-merged = Fusionada
