# Plenary — فهرس الرسائل باللغة العربية (المرجع هو الفهرس الإنجليزي: لكل فهرس المعرّفات نفسها تمامًا).

site-name = Plenary
site-tagline = إدارة منتديات أصحاب المصلحة المتعددين بشفافية
skip-to-content = الانتقال إلى المحتوى
nav-forums = المنتديات
nav-countries = البلدان
nav-account = حسابك
nav-sign-in = تسجيل الدخول
nav-sign-out = تسجيل الخروج
nav-language = اللغة
nav-change-language = تغيير
nav-main = التنقل الرئيسي

home-title = المنتديات على هذه المنصة
home-intro = المنتدى العالمي والمبادرات الوطنية والإقليمية والشبابية المستضافة هنا. ولكل منها دعواته وهيئاته واجتماعاته الخاصة.
forums-count = { $count ->
    [zero] لا توجد منتديات
    [one] منتدى واحد
    [two] منتديان
    [few] { $count } منتديات
    [many] { $count } منتدى
   *[other] { $count } من المنتديات
}
col-name = الاسم
col-kind = النوع
col-country = البلد
col-time-zone = المنطقة الزمنية
col-email = عنوان البريد الإلكتروني
col-role = الدور
col-since = منذ
col-when = التاريخ
col-who = المستخدم
col-action = الإجراء
col-entity = الكيان
col-change = التغيير
col-iso = رمز ISO
col-group = المجموعة الإقليمية في الأمم المتحدة
col-status = الوضع الإنمائي
col-ldc = LDC
col-lldc = LLDC
col-sids = SIDS
col-created = تاريخ الإنشاء
col-last-used = آخر استخدام

forum-kind-global = منتدى عالمي
forum-kind-regional = مبادرة إقليمية
forum-kind-subregional = مبادرة دون إقليمية
forum-kind-national = مبادرة وطنية
forum-kind-youth = مبادرة شبابية

forum-stakeholder-groups = مجموعات أصحاب المصلحة
forum-your-roles = أدوارك هنا
forum-no-roles = ليس لديك أي دور في هذا المنتدى.
forum-members-area = مساحة الأعضاء
forum-people = الأشخاص والأدوار
forum-audit = سجل التدقيق
forum-members-intro = هذه المساحة مخصصة للأشخاص الذين لديهم دور في هذا المنتدى.
forum-add-group = إضافة مجموعة من أصحاب المصلحة
field-group-code = الرمز (مثل academia)
button-add = إضافة
group-added = تمت إضافة مجموعة أصحاب المصلحة.

role-secretariat = الأمانة
role-chair = الرئاسة
role-body-member = عضو في هيئة
role-reviewer = مُراجِع
role-organiser = منظِّم جلسة
role-participant = مشارك

sign-in-title = تسجيل الدخول
field-email = عنوان البريد الإلكتروني
field-password = كلمة المرور
field-new-password = كلمة المرور الجديدة
field-password-hint = 10 أحرف على الأقل.
button-sign-in = تسجيل الدخول
sign-in-forgot = هل نسيت كلمة المرور؟
sign-in-failed = عنوان البريد الإلكتروني أو كلمة المرور غير صحيح.
rate-limited = محاولات كثيرة جدًا. يُرجى المحاولة مرة أخرى بعد { $until }.
session-expired = انتهت صلاحية جلستك. يُرجى تسجيل الدخول مرة أخرى للمتابعة.
session-expired-kept = انتهت صلاحية جلستك قبل حفظ تغييراتك. وقد احتُفظ بها: سجّل الدخول، ثم أرسلها مرة أخرى.
resume-title = إعادة إرسال تغييراتك
resume-intro = تم تسجيل خروجك قبل حفظ تغييراتك. هل تريد إرسالها مرة أخرى الآن؟
button-resume = إعادة الإرسال
signed-out = تم تسجيل خروجك.

reset-title = إعادة تعيين كلمة المرور
reset-intro = أدخل عنوان البريد الإلكتروني لحسابك. إذا كان مرتبطًا بحساب، فسنرسل إليه رابطًا لاختيار كلمة مرور جديدة.
button-send-link = إرسال الرابط
reset-sent = إذا كان هناك حساب بهذا العنوان، فإن رابطًا لإعادة تعيين كلمة المرور في طريقه إليه. وهو صالح لمدة ساعة واحدة.
reset-choose-title = اختيار كلمة مرور جديدة
button-set-password = حفظ كلمة المرور
reset-done = تم تغيير كلمة المرور وتسجيل الخروج من جميع الجلسات. سجّل الدخول باستخدام كلمة المرور الجديدة.
reset-invalid = انتهت صلاحية هذا الرابط أو سبق استخدامه. اطلب رابطًا جديدًا.

account-title = حسابك
account-language-intro = تُعرض الصفحات بهذه اللغة أينما سجّلت الدخول.
language-follow-browser = اتباع لغة المتصفح
button-save = حفظ
saved = تم الحفظ.
account-roles = أدوارك
account-no-roles = ليس لديك أي دور في أي منتدى حتى الآن.
tokens-title = رموز الوصول إلى API
tokens-intro = تتيح الرموز للبرامج النصية استخدام واجهة API بتنسيق JSON على /api/v1 باسمك. أرسل الرمز بالصيغة «Authorization: Bearer TOKEN».
tokens-none = ليس لديك أي رموز وصول إلى API.
field-token-name = اسم الرمز
button-create-token = إنشاء رمز
token-created = انسخ هذا الرمز الآن: لن يُعرض مرة أخرى.
button-revoke = إلغاء
token-never = أبدًا
token-revoked = مُلغى

people-title = الأشخاص والأدوار
people-grant = منح دور
button-grant = منح
role-granted = تم منح الدور.
role-already-held = هذا الحساب لديه هذا الدور بالفعل.
role-revoked = تم إلغاء الدور.

audit-title = سجل التدقيق
audit-intro = كل التغييرات التي أُجريت في هذا المنتدى، من الأحدث إلى الأقدم.
audit-filter-action = الإجراء (مثلًا role.grant، أو role. للجميع)
audit-filter-entity = نوع الكيان
audit-filter-since = من (UTC)
audit-filter-until = إلى (UTC)
button-filter = تصفية
audit-download = تنزيل ملف CSV
audit-none = لا توجد أحداث مطابقة.
audit-older = أحداث أقدم

countries-title = البلدان
countries-intro = الدول الأعضاء في الأمم المتحدة والدول المراقبة، مع مجموعتها الإقليمية في الأمم المتحدة، ووضعها الإنمائي (تقرير الحالة والتوقعات الاقتصادية في العالم الصادر عن الأمم المتحدة)، وما إذا كانت من أقل البلدان نموًا (LDC) أو البلدان النامية غير الساحلية (LLDC) أو الدول الجزرية الصغيرة النامية (SIDS).
group-african = مجموعة الدول الأفريقية
group-asia_pacific = مجموعة دول آسيا والمحيط الهادئ
group-eastern_european = مجموعة دول أوروبا الشرقية
group-grulac = مجموعة دول أمريكا اللاتينية ومنطقة البحر الكاريبي
group-weog = مجموعة دول أوروبا الغربية ودول أخرى
group-none = بلا مجموعة
status-developed = بلد متقدم النمو
status-economy_in_transition = اقتصاد يمر بمرحلة انتقالية
status-developing = بلد نام
status-unknown = غير مصنف
yes = نعم
no = لا

error-title = حدث خطأ ما
error-not-found = هذه الصفحة غير موجودة.
error-forbidden = غير مسموح لك بعرض هذه الصفحة.
error-internal = حدث خطأ من جانبنا. وقد تم تسجيله.
error-unavailable = يتعذر الوصول إلى قاعدة البيانات حاليًا. يُرجى المحاولة مرة أخرى بعد قليل.
error-csrf = انتهت صلاحية هذا النموذج أو أنه لم يصدر عن هذا الموقع. أعد تحميل الصفحة وحاول مرة أخرى.
error-too-large = ما أرسلته كبير جدًا.
error-invalid = يُرجى التحقق من { $field }.
error-conflict = يتعارض هذا مع عنصر موجود بالفعل.
back-home = العودة إلى الصفحة الرئيسية

forum-bodies = الهيئات
bodies-title = هيئات هذا المنتدى
bodies-none = لا توجد هيئات في هذا المنتدى بعد.
roster-year = السنة
roster-members = الأعضاء
roster-balance = توازن المقاعد العادية
roster-check = التحقق من التشكيل
roster-check-ok = يستوفي التشكيل جميع قواعد النظام الأساسي.
roster-constitution = النظام الأساسي (الإصدار { $version }): { $name }
roster-empty = لم يشغل أحد مقعدًا في هذه السنة.
col-seat = المقعد
col-term = الولاية
col-region = المجموعة الإقليمية للأمم المتحدة
col-gender = النوع الاجتماعي
col-stakeholder-group = مجموعة أصحاب المصلحة
col-count = الأعضاء
dim-stakeholder_group = حسب مجموعة أصحاب المصلحة
dim-region = حسب المجموعة الإقليمية للأمم المتحدة
dim-gender = حسب النوع الاجتماعي
seat-regular = عادي
seat-ex_officio = بحكم المنصب
seat-standing_host_country = دائم (بلد مضيف سابق)
seat-observer = مراقب

mail-reset-subject = إعادة تعيين كلمة مرور Plenary
mail-reset-body = مرحبًا { $name }،

    طلب أحدهم إعادة تعيين كلمة مرور حسابك على Plenary. لاختيار كلمة مرور جديدة، افتح هذا الرابط خلال ساعة واحدة:

    { $link }

    إذا لم تكن أنت من قدّم الطلب، فتجاهل هذه الرسالة: ستبقى كلمة مرورك كما هي.
slates-title = مقترحات التشكيل
slates-intro = يقترح المُحسِّن أفضل تشكيل متوازن للمقاعد العادية الشاغرة من بين المرشحين، ويثبت أنه الأمثل ويشرحه. يُحفظ كل حساب مع مدخلاته، ويُسجَّل قرار سلطة التعيين على حدة.
slates-runs = الحسابات
slates-none = لم يُحسب أي تشكيل لهذه الهيئة بعد.
slates-new = تشغيل المُحسِّن
slates-run = اقتراح تشكيل
slates-col-run = الحساب
slates-col-cycle = الدورة
slates-col-outcome = النتيجة
slates-col-seats = المقاعد المشغولة
slates-col-objective = الهدف
slates-col-decisions = القرارات
slates-compare-pick = مقارنة (أ، ب)
slates-compare = مقارنة الحسابات
slates-compare-with = مقارنة مع
slates-field-seats = عدد المقاعد المطلوب شغلها (اختياري)
slates-field-seats-help = اتركه فارغًا لشغل كل المقاعد العادية التي يتركها الأعضاء المستمرون شاغرة.
slates-field-label = اسم الحساب (اختياري)
slates-field-source = المرشحون
slates-source-call = الترشيحات المقبولة والمقيَّمة في دعوة الهيئة لهذه الدورة
slates-source-csv = ملف CSV للمرشحين يُلصق أدناه
slates-field-nominees = ملف CSV للمرشحين
slates-field-nominees-help = الأعمدة: id وname وstakeholder_group وcountry وgender وscore، واختياريًا first_time وnominated_by.
slates-error-cycle = يُرجى إدخال الدورة على شكل سنة، مثل 2027.
slates-error-seats = يُرجى إدخال عدد المقاعد عددًا صحيحًا، أو تركه فارغًا.
slates-outcome-proposed = تشكيل مقترح
slates-outcome-infeasible = لا يوجد تشكيل يستوفي القواعد
slates-proposal-notice = هذا مقترح؛ القرار لسلطة التعيين.
slates-seats = المقاعد
slates-seats-detail = { $fill } للشغل؛ يستمر { $continuing } من الأعضاء العاديين؛ { $after } مقعدًا عاديًا بعد التعيين (بحد أقصى { $max })
slates-nominees-considered = { $count ->
    [one] مرشح واحد
   *[other] { $count } من المرشحين
}
slates-constitution = النظام الأساسي
slates-chosen = المقترحون للتعيين
slates-objective = الهدف { $objective } (الجدارة { $merit } + المكافآت { $bonus })
slates-proven-optimal = ثبت أنه الأمثل
slates-not-proven = لم يثبت أنه الأمثل
slates-col-score = الدرجة
slates-col-bonuses = المكافآت
slates-col-nominated-by = رشّحه
slates-explanation = لماذا هذا التشكيل
slates-binding = قواعد بلغت حدها تمامًا
slates-at-floor = عند حدها الأدنى
slates-at-cap = عند حدها الأقصى
slates-not-chosen = مرشحون أقوياء لم يُختاروا
slates-composition = التشكيل بعد التعيين
slates-col-dimension = البُعد
slates-col-continuing = المستمرون
slates-col-chosen = المختارون
slates-col-total = المجموع
slates-col-floor = الحد الأدنى
slates-col-cap = الحد الأقصى
slates-infeasible = لماذا لا يستوفي أي تشكيل القواعد
slates-relaxations = أصغر تغيير يسمح بتشكيل
slates-relax-min = خفض الحد الأدنى بمقدار { $by }
slates-relax-max = رفع الحد الأقصى بمقدار { $by }
slates-rules = القواعد والتفضيلات المستخدمة
slates-decisions = قرار سلطة التعيين
slates-no-decision = لم يُسجَّل أي قرار لهذا الحساب.
slates-record-decision = تسجيل قرار
slates-field-authority = صاحب القرار
slates-field-decided-on = تاريخ القرار
slates-field-appointed = المعيَّنون (لقرار مع تعديلات)
slates-field-note = ملاحظة
slates-decision-appointed_as_proposed = عُيِّنوا كما اقتُرح
slates-decision-appointed_with_changes = عُيِّنوا مع تعديلات
slates-decision-not_appointed = لم يُعيَّنوا
slates-recorded-by = سجّله { $who } في { $when }
slate-decision-recorded = سُجِّل القرار.
slates-comparison = مقارنة بين حسابين
slates-input-changes = ما تغيّر في المدخلات
slates-only-in = مختارون في الحساب رقم { $run } فقط
slates-in-both = مختارون في كليهما
slates-seat = منح المعيَّنين مقاعدهم
slates-seat-help = يحصل كل معيَّن على مقعد عادي لولاية أولى في { $cycle }، بمجموعة أصحاب المصلحة والبلد والنوع الاجتماعي الواردة في الترشيح.
slates-seated-on = مُنحت المقاعد في { $when }.
slate-seated = حصل المعيَّنون على مقاعدهم.

seats-title = المقاعد — { $name } { $year }
seats-help = المقعد شخصي: لا يجوز التنازل عنه لشخص آخر، ولذلك لا يوجد نقل للمقعد. العضو الذي يستقيل في منتصف السنة لا يُستبدل قبل نهاية الدورة، ويأتي البديل من فئة أصحاب المصلحة نفسها.
seats-renewals = التجديدات للدورة المقبلة
seats-vacancies = المقاعد الشاغرة
seats-vacancy = مقعد تركه { $name } في { $date }: يُشغل من فئة { $group } في نهاية الدورة ({ $until }).
seats-no-vacancy = لا يوجد مقعد شاغر هذه السنة.
seats-officers = المكتب
seats-officer-add = تسجيل عضو في المكتب
seats-none = لم يشغل أحد مقعدًا في هذه الهيئة في تلك السنة.
office-chair = الرئاسة
office-vice_chair = نيابة الرئاسة
col-state = الحالة
col-engagement = المشاركة
col-actions = الإجراءات
col-office = المنصب
col-meetings = الاجتماعات المحضورة / المعقودة
col-reviews = التقييمات المنجزة / المسندة
col-working-groups = أفرقة العمل
col-note = ملاحظة
state-appointed = معيَّن
state-renewed = مجدَّد
state-resigned = مستقيل
state-ended = منتهٍ
state-rotated_out = خرج بالتناوب
engagement-meets = مطابق للسياسة
engagement-below = دون السياسة
engagement-none = غير مسجَّل
engagement-record = تسجيل المشاركة
field-meetings-attended = الاجتماعات المحضورة
field-meetings-held = الاجتماعات المعقودة
field-reviews-done = التقييمات المنجزة
field-reviews-assigned = التقييمات المسندة
field-working-groups = أفرقة العمل
field-note = ملاحظة
field-notice-date = تاريخ استلام الإشعار الكتابي
field-channel = وسيلة الاستلام
channel-letter = رسالة
channel-email = بريد إلكتروني
field-override = سبب الاستثناء
field-override-hint = فقط للتجديد رغم غياب سجل المشاركة أو عدم كفايته؛ يُحفظ السبب في سجل التدقيق ولا يرفع أبدًا حد الولايات.
field-person = الشخص
field-office = المنصب
button-renew = تجديد
button-do-not-renew = عدم التجديد
button-resign = تسجيل الاستقالة
button-end = إنهاء العضوية
button-rotate-out = إخراج بالتناوب
button-record = تسجيل
renewals-title = التجديدات لسنة { $year } — { $name }
renewals-policy = يشترط الدستور حضور { $attendance } % من الاجتماعات على الأقل وإنجاز { $reviews } % من التقييمات.
renewals-plan = خطة التناوب: استبدال { $target } من الأعضاء العاديين؛ { $must } يجب أن يغادروا لبلوغ حد الولايات، و{ $further } آخرون يُختارون.
renewals-must-leave = يجب أن يغادروا
renewals-rotates-out = يخرج بالتناوب: بلغ حد الولايات
renewals-renewed = جُدِّد للولاية التالية
renewals-none = لا تنتهي أي ولاية قبل هذه الدورة.
roster-officers = المكتب
roster-no-officers = لم يُسجَّل أي عضو في المكتب لهذه السنة.
roster-manage = إدارة المقاعد
