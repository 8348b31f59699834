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
slates-title = Propuestas de composición
slates-intro = El optimizador propone la mejor composición equilibrada para los puestos ordinarios vacantes a partir de las candidaturas, demuestra que es óptima y la explica. Cada cálculo se guarda con sus datos; la decisión de la autoridad que nombra se registra aparte.
slates-runs = Cálculos
slates-none = Todavía no se ha calculado ninguna composición para este órgano.
slates-new = Ejecutar el optimizador
slates-run = Proponer una composición
slates-col-run = Cálculo
slates-col-cycle = Ciclo
slates-col-outcome = Resultado
slates-col-seats = Puestos cubiertos
slates-col-objective = Objetivo
slates-col-decisions = Decisiones
slates-compare-pick = Comparar (A, B)
slates-compare = Comparar cálculos
slates-compare-with = Comparar con
slates-field-seats = Puestos por cubrir (opcional)
slates-field-seats-help = Déjelo vacío para cubrir todos los puestos ordinarios que dejan libres los miembros que continúan.
slates-field-label = Nombre del cálculo (opcional)
slates-field-source = Candidaturas
slates-source-call = las candidaturas admisibles y puntuadas de la convocatoria del órgano para este ciclo
slates-source-csv = un CSV de candidaturas pegado abajo
slates-field-nominees = CSV de candidaturas
slates-field-nominees-help = Columnas: id, name, stakeholder_group, country, gender, score y, opcionalmente, first_time y nominated_by.
slates-error-cycle = Indique el ciclo como un año, por ejemplo 2027.
slates-error-seats = Indique los puestos por cubrir como número entero, o déjelo vacío.
slates-outcome-proposed = Composición propuesta
slates-outcome-infeasible = Ninguna composición cumple las reglas
slates-proposal-notice = Esto es una propuesta; decide la autoridad que nombra.
slates-seats = Puestos
slates-seats-detail = { $fill } por cubrir; continúan { $continuing } miembros ordinarios; { $after } puestos ordinarios tras el nombramiento (como máximo { $max })
slates-nominees-considered = { $count ->
    [one] una candidatura
   *[other] { $count } candidaturas
}
slates-constitution = Estatutos
slates-chosen = Propuestos para el nombramiento
slates-objective = Objetivo { $objective } (mérito { $merit } + bonificaciones { $bonus })
slates-proven-optimal = óptimo demostrado
slates-not-proven = óptimo no demostrado
slates-col-score = Puntuación
slates-col-bonuses = Bonificaciones
slates-col-nominated-by = Propuesto por
slates-explanation = Por qué esta composición
slates-binding = Reglas cumplidas justo en un límite
slates-at-floor = en su mínimo
slates-at-cap = en su máximo
slates-not-chosen = Candidaturas sólidas no elegidas
slates-composition = Composición tras el nombramiento
slates-col-dimension = Dimensión
slates-col-continuing = Continúan
slates-col-chosen = Elegidos
slates-col-total = Total
slates-col-floor = Mínimo
slates-col-cap = Máximo
slates-infeasible = Por qué ninguna composición cumple las reglas
slates-relaxations = El cambio más pequeño que permitiría una composición
slates-relax-min = bajar el mínimo en { $by }
slates-relax-max = subir el máximo en { $by }
slates-rules = Reglas y preferencias usadas
slates-decisions = La decisión de la autoridad que nombra
slates-no-decision = No se ha registrado ninguna decisión para este cálculo.
slates-record-decision = Registrar una decisión
slates-field-authority = Decidido por
slates-field-decided-on = Fecha de la decisión
slates-field-appointed = Nombrados (para una decisión con cambios)
slates-field-note = Nota
slates-decision-appointed_as_proposed = Nombrados según la propuesta
slates-decision-appointed_with_changes = Nombrados con cambios
slates-decision-not_appointed = No nombrados
slates-recorded-by = Registrado por { $who } el { $when }
slate-decision-recorded = La decisión está registrada.
slates-comparison = Dos cálculos comparados
slates-input-changes = Qué cambió en los datos
slates-only-in = Elegidos solo en el cálculo n.º { $run }
slates-in-both = Elegidos en ambos
slates-seat = Asignar sus puestos a las personas nombradas
slates-seat-help = Cada persona nombrada recibe un puesto ordinario de primer mandato para { $cycle }, con el grupo de partes interesadas, el país y el género de la candidatura.
slates-seated-on = Puestos asignados el { $when }.
slate-seated = Las personas nombradas tienen sus puestos.
