# Plenary — catalogue de messages en français (la référence est le catalogue anglais : chaque catalogue a exactement les mêmes identifiants).

site-name = Plenary
site-tagline = Des forums multipartites gérés en toute transparence
skip-to-content = Aller au contenu
nav-forums = Forums
nav-countries = Pays
nav-account = Votre compte
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
nav-language = Langue
nav-change-language = Changer
nav-main = Navigation principale

home-title = Forums de cette plateforme
home-intro = Le forum mondial et les initiatives nationales, régionales et jeunesse hébergés ici. Chacun gère ses propres appels, organes et réunions.
forums-count = { $count ->
    [one] { $count } forum
   *[other] { $count } forums
}
col-name = Nom
col-kind = Type
col-country = Pays
col-time-zone = Fuseau horaire
col-email = Adresse e-mail
col-role = Rôle
col-since = Depuis
col-when = Date
col-who = Auteur
col-action = Action
col-entity = Entité
col-change = Modification
col-iso = Code ISO
col-group = Groupe régional de l'ONU
col-status = Niveau de développement
col-ldc = LDC
col-lldc = LLDC
col-sids = SIDS
col-created = Créé le
col-last-used = Dernière utilisation

forum-kind-global = Forum mondial
forum-kind-regional = Initiative régionale
forum-kind-subregional = Initiative sous-régionale
forum-kind-national = Initiative nationale
forum-kind-youth = Initiative jeunesse

forum-stakeholder-groups = Groupes de parties prenantes
forum-your-roles = Vos rôles dans ce forum
forum-no-roles = Vous n'avez aucun rôle dans ce forum.
forum-members-area = Espace membres
forum-people = Personnes et rôles
forum-audit = Journal d'audit
forum-members-intro = Cet espace est réservé aux personnes qui ont un rôle dans ce forum.
forum-add-group = Ajouter un groupe de parties prenantes
field-group-code = Code (par ex. academia)
button-add = Ajouter
group-added = Groupe de parties prenantes ajouté.

role-secretariat = Secrétariat
role-chair = Présidence
role-body-member = Membre d'un organe
role-reviewer = Évaluateur
role-organiser = Organisateur de session
role-participant = Participant

sign-in-title = Connexion
field-email = Adresse e-mail
field-password = Mot de passe
field-new-password = Nouveau mot de passe
field-password-hint = Au moins 10 caractères.
button-sign-in = Se connecter
sign-in-forgot = Mot de passe oublié ?
sign-in-failed = L'adresse e-mail ou le mot de passe est incorrect.
rate-limited = Trop de tentatives. Réessayez après { $until }.
session-expired = Votre session a expiré. Reconnectez-vous pour continuer.
session-expired-kept = Votre session a expiré avant l'enregistrement de vos modifications. Elles ont été conservées : connectez-vous, puis renvoyez-les.
resume-title = Renvoyer vos modifications
resume-intro = Vous avez été déconnecté avant l'enregistrement de vos modifications. Voulez-vous les renvoyer maintenant ?
button-resume = Renvoyer
signed-out = Vous êtes déconnecté.

reset-title = Réinitialiser votre mot de passe
reset-intro = Saisissez l'adresse e-mail de votre compte. Si un compte y est associé, nous y enverrons un lien pour choisir un nouveau mot de passe.
button-send-link = Envoyer le lien
reset-sent = Si un compte existe pour cette adresse, un lien de réinitialisation du mot de passe est en cours d'envoi. Il est valable une heure.
reset-choose-title = Choisir un nouveau mot de passe
button-set-password = Enregistrer le mot de passe
reset-done = Votre mot de passe a été modifié et toutes les sessions ont été déconnectées. Connectez-vous avec le nouveau mot de passe.
reset-invalid = Ce lien a expiré ou a déjà été utilisé. Demandez-en un nouveau.

account-title = Votre compte
account-language-intro = Les pages s'affichent dans cette langue, où que vous vous connectiez.
language-follow-browser = Suivre mon navigateur
button-save = Enregistrer
saved = Enregistré.
account-roles = Vos rôles
account-no-roles = Vous n'avez encore aucun rôle dans un forum.
tokens-title = Jetons d'API
tokens-intro = Les jetons permettent à des scripts d'utiliser l'API JSON à l'adresse /api/v1 en votre nom. Envoyez-en un sous la forme « Authorization: Bearer TOKEN ».
tokens-none = Vous n'avez aucun jeton d'API.
field-token-name = Nom du jeton
button-create-token = Créer un jeton
token-created = Copiez ce jeton maintenant : il ne sera plus affiché.
button-revoke = Révoquer
token-never = Jamais
token-revoked = Révoqué

people-title = Personnes et rôles
people-grant = Attribuer un rôle
button-grant = Attribuer
role-granted = Rôle attribué.
role-already-held = Ce compte a déjà ce rôle.
role-revoked = Rôle révoqué.

audit-title = Journal d'audit
audit-intro = Toutes les modifications apportées dans ce forum, des plus récentes aux plus anciennes.
audit-filter-action = Action (par ex. role.grant, ou role. pour toutes)
audit-filter-entity = Type d'entité
audit-filter-since = Du (UTC)
audit-filter-until = Au (UTC)
button-filter = Filtrer
audit-download = Télécharger en CSV
audit-none = Aucun événement ne correspond.
audit-older = Événements plus anciens

countries-title = Pays
countries-intro = États Membres et États observateurs de l'ONU, avec leur groupe régional de l'ONU, leur niveau de développement (Situation et perspectives de l'économie mondiale, ONU) et leur appartenance aux pays les moins avancés (LDC), aux pays en développement sans littoral (LLDC) et aux petits États insulaires en développement (SIDS).
group-african = Groupe des États d'Afrique
group-asia_pacific = Groupe des États d'Asie et du Pacifique
group-eastern_european = Groupe des États d'Europe orientale
group-grulac = Groupe des États d'Amérique latine et des Caraïbes
group-weog = Groupe des États d'Europe occidentale et autres États
group-none = Aucun groupe
status-developed = Pays développé
status-economy_in_transition = Économie en transition
status-developing = Pays en développement
status-unknown = Non classé
yes = Oui
no = Non

error-title = Une erreur s'est produite
error-not-found = Cette page n'existe pas.
error-forbidden = Vous n'êtes pas autorisé à voir cette page.
error-internal = Une erreur s'est produite de notre côté. Elle a été consignée.
error-unavailable = La base de données est momentanément inaccessible. Réessayez dans un instant.
error-csrf = Ce formulaire a expiré ou ne provient pas de ce site. Rechargez la page et réessayez.
error-too-large = Votre envoi est trop volumineux.
error-invalid = Veuillez vérifier { $field }.
error-conflict = Cela entre en conflit avec un élément existant.
back-home = Retour à la page d'accueil

forum-bodies = Organes
bodies-title = Organes de ce forum
bodies-none = Ce forum n'a pas encore d'organe.
roster-year = Année
roster-members = Membres
roster-balance = Équilibre des sièges ordinaires
roster-check = Contrôle de la composition
roster-check-ok = La composition respecte toutes les règles de sa constitution.
roster-constitution = Constitution (version { $version }) : { $name }
roster-empty = Personne n'occupait de siège cette année-là.
col-seat = Siège
col-term = Mandat
col-region = Groupe régional de l'ONU
col-gender = Genre
col-stakeholder-group = Groupe de parties prenantes
col-count = Membres
dim-stakeholder_group = Par groupe de parties prenantes
dim-region = Par groupe régional de l'ONU
dim-gender = Par genre
seat-regular = Ordinaire
seat-ex_officio = De droit
seat-standing_host_country = Permanent (ancien pays hôte)
seat-observer = Observateur

mail-reset-subject = Réinitialisez votre mot de passe Plenary
mail-reset-body = Bonjour { $name },

    quelqu'un a demandé la réinitialisation du mot de passe de votre compte Plenary. Pour choisir un nouveau mot de passe, ouvrez ce lien dans l'heure :

    { $link }

    Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.
slates-title = Propositions de composition
slates-intro = L'optimiseur propose la meilleure composition équilibrée pour les sièges ordinaires à pourvoir parmi les candidatures, prouve qu'elle est optimale et l'explique. Chaque calcul est conservé avec ses données ; la décision de l'autorité de nomination est enregistrée à part.
slates-runs = Calculs
slates-none = Aucune composition n'a encore été calculée pour cet organe.
slates-new = Lancer l'optimiseur
slates-run = Proposer une composition
slates-col-run = Calcul
slates-col-cycle = Cycle
slates-col-outcome = Résultat
slates-col-seats = Sièges pourvus
slates-col-objective = Objectif
slates-col-decisions = Décisions
slates-compare-pick = Comparer (A, B)
slates-compare = Comparer les calculs
slates-compare-with = Comparer avec
slates-field-seats = Sièges à pourvoir (facultatif)
slates-field-seats-help = Laissez vide pour pourvoir tous les sièges ordinaires que les membres restants laissent libres.
slates-field-label = Nom du calcul (facultatif)
slates-field-source = Candidatures
slates-source-call = les candidatures recevables et notées de l'appel de l'organe pour ce cycle
slates-source-csv = un fichier CSV de candidatures collé ci-dessous
slates-field-nominees = CSV des candidatures
slates-field-nominees-help = Colonnes : id, name, stakeholder_group, country, gender, score, et facultativement first_time et nominated_by.
slates-error-cycle = Indiquez le cycle sous forme d'année, par exemple 2027.
slates-error-seats = Indiquez le nombre de sièges à pourvoir en nombre entier, ou laissez vide.
slates-outcome-proposed = Composition proposée
slates-outcome-infeasible = Aucune composition ne respecte les règles
slates-proposal-notice = Ceci est une proposition ; l'autorité de nomination décide.
slates-seats = Sièges
slates-seats-detail = { $fill } à pourvoir ; { $continuing } membres ordinaires restent ; { $after } sièges ordinaires après nomination (au plus { $max })
slates-nominees-considered = { $count ->
    [one] une candidature
   *[other] { $count } candidatures
}
slates-constitution = Statuts
slates-chosen = Proposés pour nomination
slates-objective = Objectif { $objective } (mérite { $merit } + bonus { $bonus })
slates-proven-optimal = optimalité prouvée
slates-not-proven = optimalité non prouvée
slates-col-score = Note
slates-col-bonuses = Bonus
slates-col-nominated-by = Proposé par
slates-explanation = Pourquoi cette composition
slates-binding = Règles atteintes exactement à une borne
slates-at-floor = à son minimum
slates-at-cap = à son maximum
slates-not-chosen = Candidatures solides non retenues
slates-composition = Composition après nomination
slates-col-dimension = Dimension
slates-col-continuing = Restants
slates-col-chosen = Retenus
slates-col-total = Total
slates-col-floor = Minimum
slates-col-cap = Maximum
slates-infeasible = Pourquoi aucune composition ne respecte les règles
slates-relaxations = Le plus petit changement qui permettrait une composition
slates-relax-min = abaisser le minimum de { $by }
slates-relax-max = relever le maximum de { $by }
slates-rules = Règles et préférences utilisées
slates-decisions = La décision de l'autorité de nomination
slates-no-decision = Aucune décision n'a été enregistrée pour ce calcul.
slates-record-decision = Enregistrer une décision
slates-field-authority = Décidé par
slates-field-decided-on = Date de la décision
slates-field-appointed = Nommés (pour une décision avec modifications)
slates-field-note = Note
slates-decision-appointed_as_proposed = Nommés comme proposé
slates-decision-appointed_with_changes = Nommés avec modifications
slates-decision-not_appointed = Non nommés
slates-recorded-by = Enregistré par { $who } le { $when }
slate-decision-recorded = La décision est enregistrée.
slates-comparison = Deux calculs comparés
slates-input-changes = Ce qui a changé dans les données
slates-only-in = Retenus uniquement dans le calcul n° { $run }
slates-in-both = Retenus dans les deux
slates-seat = Attribuer leurs sièges aux personnes nommées
slates-seat-help = Chaque personne nommée reçoit un siège ordinaire pour un premier mandat en { $cycle }, avec le groupe de parties prenantes, le pays et le genre de la candidature.
slates-seated-on = Sièges attribués le { $when }.
slate-seated = Les personnes nommées ont leurs sièges.
