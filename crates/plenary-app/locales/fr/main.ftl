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

nominate-link = Proposer une candidature
nominate-title = Proposer une candidature : { $name }
nominate-intro = Toute personne peut proposer une candidature, y compris la sienne. Le secrétariat vérifie chaque candidature au regard des règles de l'organe et peut contacter la personne candidate.
nominate-no-open-call = Aucun appel à candidatures n'est ouvert pour cet organe en ce moment.
nominate-open-until = Ouvert jusqu'au { $until }
nominate-errors = Veuillez corriger les champs signalés ci-dessous ; votre saisie est conservée.
nomination-received = Merci : votre candidature a bien été reçue.
nominate-candidate = La personne candidate
nominate-nominator = La personne qui propose
nominate-endorsements = Soutiens de processus de groupes de parties prenantes (facultatif)
field-call = Appel
field-self-nomination = Je propose ma propre candidature
field-candidate-name = Nom de la personne candidate
field-candidate-email = Adresse électronique de la personne candidate
field-gender-self = Genre, tel que la personne candidate le décrit (facultatif)
field-organisation = Organisation
field-statement = Lettre de motivation
field-nominator-name = Votre nom
field-nominator-email = Votre adresse électronique
field-endorsement = Organisation ou processus qui soutient
field-endorsement-note = Brève note
field-choose = Choisir…
button-nominate = Envoyer la candidature
calls-link = Appels à candidatures
calls-title = Appels à candidatures : { $name }
calls-none = Aucun appel n'a encore été ouvert.
calls-open-new = Ouvrir un appel
call-opened = L'appel est ouvert.
field-cycle-year = Année du cycle
field-title = Titre
field-description = Description
field-opens-at = Ouverture le
field-closes-at = Clôture le
button-open-call = Ouvrir l'appel
call-open = ouvert
call-closed = clos
col-cycle = Cycle
col-window = Ouvert du – au
col-nominations = Candidatures
col-candidate = Personne candidate
col-checks = Critères d'éligibilité
col-score = Note (0–100)
col-note = Remarque
col-nominated-by = Proposée par
col-endorsements = Soutiens
col-status-of = Statut
col-total = Total
review-title = Candidatures : { $name }
review-counts = Candidatures par groupe de parties prenantes et groupe régional de l'ONU
review-duplicate = Peut-être la même personne que :
review-merge = Fusionner dans celle-ci
review-merged-into = Fusionnée dans :
review-self = candidature spontanée
review-first-time = n'a jamais siégé
review-export = Exporter en CSV
review-import = Importer des candidatures depuis un CSV
review-import-hint = Collez un CSV avec les colonnes de l'export. Si une ligne contient une erreur, rien n'est enregistré.
review-all = Toutes
review-none = Aucune candidature ne correspond.
field-csv = CSV
button-import = Importer
nomination-saved = La candidature a été mise à jour.
nominations-merged = Les candidatures ont été fusionnées ; toutes les personnes qui proposent et tous les soutiens ont été conservés.
nominations-imported = Les candidatures ont été importées.
status-submitted = Soumise
status-eligible = Éligible
status-ineligible = Non éligible
status-withdrawn = Retirée
status-merged = Fusionnée
