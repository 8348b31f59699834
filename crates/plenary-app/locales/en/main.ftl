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

nominate-link = Nominate a candidate
nominate-title = Nominate a candidate: { $name }
nominate-intro = Anyone may nominate a candidate, or themselves. The secretariat checks every nomination against the body's rules and may contact the candidate.
nominate-no-open-call = No call for nominations is open for this body right now.
nominate-open-until = Open until { $until }
nominate-errors = Please correct the fields marked below; what you typed is kept.
nomination-received = Thank you: your nomination was received.
nominate-candidate = The candidate
nominate-nominator = The nominator
nominate-endorsements = Endorsements by stakeholder-group processes (optional)
field-call = Call
field-self-nomination = I am nominating myself
field-candidate-name = Candidate's name
field-candidate-email = Candidate's e-mail address
field-gender-self = Gender, as the candidate describes it (optional)
field-organisation = Organisation
field-statement = Statement of motivation
field-nominator-name = Your name
field-nominator-email = Your e-mail address
field-endorsement = Endorsing organisation or process
field-endorsement-note = Short note
field-choose = Choose…
button-nominate = Send the nomination
calls-link = Nomination calls
calls-title = Nomination calls: { $name }
calls-none = No call has been opened yet.
calls-open-new = Open a call
call-opened = The call is open.
field-cycle-year = Cycle year
field-title = Title
field-description = Description
field-opens-at = Opens on
field-closes-at = Closes on
button-open-call = Open the call
call-open = open
call-closed = closed
col-cycle = Cycle
col-window = Open from – until
col-nominations = Nominations
col-candidate = Candidate
col-checks = Eligibility checks
col-score = Score (0–100)
col-note = Note
col-nominated-by = Nominated by
col-endorsements = Endorsements
col-status-of = Status
col-total = Total
review-title = Nominations: { $name }
review-counts = Nominations by stakeholder group and UN regional group
review-duplicate = Possibly the same candidate as:
review-merge = Merge into this one
review-merged-into = Merged into:
review-self = self-nomination
review-first-time = never held a seat
review-export = Export as CSV
review-import = Import nominations from CSV
review-import-hint = Paste a CSV with the columns of the export. If any line has an error, nothing is stored.
review-all = All
review-none = No nomination matches.
field-csv = CSV
button-import = Import
nomination-saved = The nomination was updated.
nominations-merged = The nominations were merged; every nominator and endorsement was kept.
nominations-imported = The nominations were imported.
status-submitted = Submitted
status-eligible = Eligible
status-ineligible = Ineligible
status-withdrawn = Withdrawn
status-merged = Merged
