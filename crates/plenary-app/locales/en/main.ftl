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

mail-reset-subject = Reset your Plenary password
mail-reset-body = Hello { $name },

    someone asked to reset the password of your Plenary account. To choose a new password, open this link within one hour:

    { $link }

    If it was not you, ignore this message: your password stays as it is.
slates-title = Slate proposals
slates-intro = The optimiser proposes the best balanced slate for the open regular seats from the nominee pool, proves it optimal and explains it. Each run is kept with its inputs; the appointing authority's decision is recorded separately.
slates-runs = Runs
slates-none = No slate has been run for this body yet.
slates-new = Run the optimiser
slates-run = Propose a slate
slates-col-run = Run
slates-col-cycle = Cycle
slates-col-outcome = Outcome
slates-col-seats = Seats filled
slates-col-objective = Objective
slates-col-decisions = Decisions
slates-compare-pick = Compare (A, B)
slates-compare = Compare runs
slates-compare-with = Compare with
slates-field-seats = Seats to fill (optional)
slates-field-seats-help = Leave empty to fill every regular seat the continuing members leave open.
slates-field-label = Name of the run (optional)
slates-field-source = Nominee pool
slates-source-call = the eligible, scored nominations of the body's call for this cycle
slates-source-csv = a nominees CSV pasted below
slates-field-nominees = Nominees CSV
slates-field-nominees-help = Columns: id, name, stakeholder_group, country, gender, score, and optionally first_time and nominated_by.
slates-error-cycle = Please give the cycle as a year, for example 2027.
slates-error-seats = Please give the seats to fill as a whole number, or leave it empty.
slates-outcome-proposed = Slate proposed
slates-outcome-infeasible = No slate meets the rules
slates-proposal-notice = This is a proposal; the appointing authority decides.
slates-seats = Seats
slates-seats-detail = { $fill } to fill; { $continuing } regular members continue; { $after } regular seats after appointment (at most { $max })
slates-nominees-considered = { $count ->
    [one] one nominee
   *[other] { $count } nominees
}
slates-constitution = Constitution
slates-chosen = Proposed for appointment
slates-objective = Objective { $objective } (merit { $merit } + bonuses { $bonus })
slates-proven-optimal = proven optimal
slates-not-proven = not proven optimal
slates-col-score = Score
slates-col-bonuses = Bonuses
slates-col-nominated-by = Nominated by
slates-explanation = Why this slate
slates-binding = Rules met exactly at a bound
slates-at-floor = at its floor
slates-at-cap = at its cap
slates-not-chosen = Strong nominees not chosen
slates-composition = Composition after appointment
slates-col-dimension = Dimension
slates-col-continuing = Continuing
slates-col-chosen = Chosen
slates-col-total = Total
slates-col-floor = Floor
slates-col-cap = Cap
slates-infeasible = Why no slate meets the rules
slates-relaxations = The smallest change that would admit a slate
slates-relax-min = lower the floor by { $by }
slates-relax-max = raise the cap by { $by }
slates-rules = Rules and preferences used
slates-decisions = The appointing authority's decision
slates-no-decision = No decision has been recorded for this run.
slates-record-decision = Record a decision
slates-field-authority = Decided by
slates-field-decided-on = Date of the decision
slates-field-appointed = Appointed (for a decision with changes)
slates-field-note = Note
slates-decision-appointed_as_proposed = Appointed as proposed
slates-decision-appointed_with_changes = Appointed with changes
slates-decision-not_appointed = Not appointed
slates-recorded-by = Recorded by { $who } on { $when }
slate-decision-recorded = The decision is recorded.
slates-comparison = Two slate runs compared
slates-input-changes = What changed in the inputs
slates-only-in = Chosen only in run #{ $run }
slates-in-both = Chosen in both
slates-seat = Give the appointees their seats
slates-seat-help = Each appointee gets a first-term regular seat for { $cycle }, with the stakeholder group, country and gender of the nomination.
slates-seated-on = Seated on { $when }.
slate-seated = The appointees have their seats.
