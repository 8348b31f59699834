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

nominate-link = ترشيح مرشح
nominate-title = ترشيح مرشح: { $name }
nominate-intro = يمكن لأي شخص أن يرشح مرشحًا أو أن يرشح نفسه. تتحقق الأمانة من كل ترشيح وفق قواعد الهيئة وقد تتواصل مع المرشح.
nominate-no-open-call = لا توجد دعوة مفتوحة لتقديم الترشيحات لهذه الهيئة حاليًا.
nominate-open-until = مفتوحة حتى { $until }
nominate-errors = يرجى تصحيح الحقول المشار إليها أدناه؛ وقد احتُفظ بما كتبته.
nomination-received = شكرًا لك: لقد تلقينا ترشيحك.
nominate-candidate = المرشح
nominate-nominator = مقدم الترشيح
nominate-endorsements = تأييدات من عمليات مجموعات أصحاب المصلحة (اختياري)
field-call = الدعوة
field-self-nomination = أرشح نفسي
field-candidate-name = اسم المرشح
field-candidate-email = البريد الإلكتروني للمرشح
field-gender-self = النوع الاجتماعي كما يصفه المرشح (اختياري)
field-organisation = المنظمة
field-statement = بيان الدوافع
field-nominator-name = اسمك
field-nominator-email = بريدك الإلكتروني
field-endorsement = المنظمة أو العملية المؤيدة
field-endorsement-note = ملاحظة قصيرة
field-choose = اختر…
button-nominate = إرسال الترشيح
calls-link = دعوات الترشيح
calls-title = دعوات الترشيح: { $name }
calls-none = لم تُفتح أي دعوة بعد.
calls-open-new = فتح دعوة
call-opened = الدعوة مفتوحة.
field-cycle-year = سنة الدورة
field-title = العنوان
field-description = الوصف
field-opens-at = تُفتح في
field-closes-at = تُغلق في
button-open-call = فتح الدعوة
call-open = مفتوحة
call-closed = مغلقة
col-cycle = الدورة
col-window = مفتوحة من – إلى
col-nominations = الترشيحات
col-candidate = المرشح
col-checks = شروط الأهلية
col-score = الدرجة (0–100)
col-note = ملاحظة
col-nominated-by = رشحه
col-endorsements = التأييدات
col-status-of = الحالة
col-total = المجموع
review-title = الترشيحات: { $name }
review-counts = الترشيحات حسب مجموعة أصحاب المصلحة والمجموعة الإقليمية للأمم المتحدة
review-duplicate = ربما المرشح نفسه في:
review-merge = الدمج في هذا الترشيح
review-merged-into = مدمج في:
review-self = ترشيح ذاتي
review-first-time = لم يشغل مقعدًا من قبل
review-export = تصدير بصيغة CSV
review-import = استيراد ترشيحات من ملف CSV
review-import-hint = الصق ملف CSV بأعمدة التصدير نفسها. إذا احتوى أي سطر على خطأ، فلن يُحفظ شيء.
review-all = الكل
review-none = لا يوجد ترشيح مطابق.
field-csv = CSV
button-import = استيراد
nomination-saved = تم تحديث الترشيح.
nominations-merged = تم دمج الترشيحات؛ واحتُفظ بجميع مقدمي الترشيح وجميع التأييدات.
nominations-imported = تم استيراد الترشيحات.
status-submitted = مقدَّم
status-eligible = مؤهل
status-ineligible = غير مؤهل
status-withdrawn = مسحوب
status-merged = مدمج
nomerr-required = هذا الحقل مطلوب.
nomerr-not_an_email = أدخل عنوان بريد إلكتروني مثل name@example.org.
nomerr-too_long = هذا النص طويل جدًا.
nomerr-unknown_country = اختر بلدًا من القائمة.
nomerr-unknown_stakeholder_group = اختر إحدى مجموعات أصحاب المصلحة في المنتدى.
nomerr-control_character = احذف أحرف التحكم.
