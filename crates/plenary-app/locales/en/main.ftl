# Plenary — English message catalog (the reference: every other catalog has exactly these ids).

site-name = Plenary
site-tagline = Running multistakeholder forums in the open
skip-to-content = Skip to content
nav-forums = Forums
nav-countries = Countries
nav-account = Your account
nav-sign-in = Sign in
nav-sign-out = Sign out
nav-language = Language
nav-change-language = Change
nav-main = Main navigation

home-title = Forums on this platform
home-intro = The global forum and the national, regional and youth initiatives hosted here. Each runs its own calls, bodies and meetings.
forums-count = { $count ->
    [one] One forum
   *[other] { $count } forums
}
col-name = Name
col-kind = Kind
col-country = Country
col-time-zone = Time zone
col-email = E-mail address
col-role = Role
col-since = Since
col-when = When
col-who = Who
col-action = Action
col-entity = Entity
col-change = Change
col-iso = ISO code
col-group = UN regional group
col-status = Development status
col-ldc = LDC
col-lldc = LLDC
col-sids = SIDS
col-created = Created
col-last-used = Last used

forum-kind-global = Global forum
forum-kind-regional = Regional initiative
forum-kind-subregional = Sub-regional initiative
forum-kind-national = National initiative
forum-kind-youth = Youth initiative

forum-stakeholder-groups = Stakeholder groups
forum-your-roles = Your roles here
forum-no-roles = You hold no role in this forum.
forum-members-area = Members' area
forum-people = People and roles
forum-audit = Audit trail
forum-members-intro = This area is for people who hold a role in this forum.
forum-add-group = Add a stakeholder group
field-group-code = Code (e.g. academia)
button-add = Add
group-added = Stakeholder group added.

role-secretariat = Secretariat
role-chair = Chair
role-body-member = Body member
role-reviewer = Reviewer
role-organiser = Session organiser
role-participant = Participant

sign-in-title = Sign in
field-email = E-mail address
field-password = Password
field-new-password = New password
field-password-hint = At least 10 characters.
button-sign-in = Sign in
sign-in-forgot = Forgot your password?
sign-in-failed = The e-mail address or password is not correct.
rate-limited = Too many attempts. Try again after { $until }.
session-expired = Your session has expired. Sign in again to continue.
session-expired-kept = Your session expired before your changes were saved. They are kept: sign in, then send them again.
resume-title = Send your changes again
resume-intro = You were signed out before your changes were saved. Send them again now?
button-resume = Send again
signed-out = You are signed out.

reset-title = Reset your password
reset-intro = Enter your account's e-mail address. If it has an account, we will send it a link to choose a new password.
button-send-link = Send the link
reset-sent = If an account exists for that address, a link to reset the password is on its way. It works for one hour.
reset-choose-title = Choose a new password
button-set-password = Set the password
reset-done = Your password is changed and every session was signed out. Sign in with the new password.
reset-invalid = This link has expired or was already used. Ask for a new one.

account-title = Your account
account-language-intro = Pages are shown in this language wherever you sign in.
language-follow-browser = Follow my browser
button-save = Save
saved = Saved.
account-roles = Your roles
account-no-roles = You hold no role in any forum yet.
tokens-title = API tokens
tokens-intro = Tokens let scripts use the JSON API at /api/v1 as you. Send one as "Authorization: Bearer TOKEN".
tokens-none = You have no API tokens.
field-token-name = Token name
button-create-token = Create a token
token-created = Copy this token now: it will not be shown again.
button-revoke = Revoke
token-never = Never
token-revoked = Revoked

people-title = People and roles
people-grant = Grant a role
button-grant = Grant
role-granted = Role granted.
role-already-held = This account already holds that role.
role-revoked = Role revoked.

audit-title = Audit trail
audit-intro = Every change made in this forum, newest first.
audit-filter-action = Action (e.g. role.grant, or role. for all)
audit-filter-entity = Entity type
audit-filter-since = From (UTC)
audit-filter-until = Until (UTC)
button-filter = Filter
audit-download = Download CSV
audit-none = No events match.
audit-older = Older events

countries-title = Countries
countries-intro = UN member and observer states with their UN regional group, development status (UN World Economic Situation and Prospects) and LDC, LLDC and SIDS status.
group-african = African
group-asia_pacific = Asia-Pacific
group-eastern_european = Eastern European
group-grulac = Latin American and Caribbean
group-weog = Western European and Others
group-none = No group
status-developed = Developed
status-economy_in_transition = Economy in transition
status-developing = Developing
status-unknown = Not classified
yes = Yes
no = No

error-title = Something went wrong
error-not-found = This page does not exist.
error-forbidden = You are not allowed to see this page.
error-internal = Something went wrong on our side. It has been logged.
error-unavailable = The database cannot be reached right now. Try again in a moment.
error-csrf = This form had expired or did not come from this site. Reload the page and try again.
error-too-large = What you sent is too large.
error-invalid = Please check { $field }.
error-conflict = This conflicts with something that already exists.
back-home = Back to the home page

forum-bodies = Bodies
bodies-title = Bodies of this forum
bodies-none = This forum has no bodies yet.
roster-year = Year
roster-members = Members
roster-balance = Balance of regular seats
roster-check = Composition check
roster-check-ok = The roster meets every rule of its constitution.
roster-constitution = Constitution (version { $version }): { $name }
roster-empty = Nobody held a seat in this year.
col-seat = Seat
col-term = Term
col-region = UN regional group
col-gender = Gender
col-stakeholder-group = Stakeholder group
col-count = Members
dim-stakeholder_group = By stakeholder group
dim-region = By UN regional group
dim-gender = By gender
seat-regular = Regular
seat-ex_officio = Ex officio
seat-standing_host_country = Standing (former host country)
seat-observer = Observer

constitution-title = Constitution
constitution-link = Constitution and its versions
constitution-roster = Roster
constitution-versions = Versions
col-version = Version
constitution-current = in force
constitution-what-changed = What changed
constitution-compare-from = Compare version
constitution-compare-to = with version
constitution-compare = Compare
constitution-changes = Changes from version { $from } to version { $to }
constitution-no-changes = No rule changed between these versions.
constitution-version = Version { $version }
constitution-document = Document
constitution-new = Submit a new version
constitution-preset = Start from a preset
constitution-load-preset = Load into the form
constitution-refused = The document was not stored. Every problem found:
constitution-format = Format
constitution-submit = Store as a new version
constitution-stored = New constitution version stored.
hosts-title = Host countries
hosts-online = Online (no host country)
hosts-none = No host country has been recorded yet.
hosts-manage = Edit the host countries
hosts-add = Add or change a year
hosts-hint = A year already listed is replaced. The host list fills the ex officio and standing host-country seats.
host-saved = Host country saved.
host-removed = Host country removed.
col-year = Year
col-city = City
col-total = Total
button-remove = Remove
roster-ex-officio = Ex officio seats
roster-held-by = Held by
roster-ex-officio-hint = Filled automatically from the forum's host countries and the MAG chair on record.
roster-standing = Standing seats of former host countries
roster-to-be-named = to be named
exofficio-current_host_country = Current host country
exofficio-previous_host_country = Previous host country
exofficio-next_host_country = Next host country
exofficio-mag_chair = MAG chair
exofficio-tech_envoy = UN Secretary-General's Envoy on Technology
roster-crosstab = Stakeholder group × UN regional group
roster-crosstab-caption = Regular members by stakeholder group (rows) and UN regional group (columns). Under each count: women / men / other genders. Darker cells hold more members.
roster-crosstab-corner = Stakeholder group

mail-reset-subject = Reset your Plenary password
mail-reset-body = Hello { $name },

    someone asked to reset the password of your Plenary account. To choose a new password, open this link within one hour:

    { $link }

    If it was not you, ignore this message: your password stays as it is.
