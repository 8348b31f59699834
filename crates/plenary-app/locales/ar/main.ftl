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

constitution-title = الدستور
constitution-link = الدستور وإصداراته
constitution-roster = قائمة الأعضاء
constitution-versions = الإصدارات
col-version = الإصدار
constitution-current = النافذ
constitution-what-changed = ما الذي تغيّر
constitution-compare-from = قارن الإصدار
constitution-compare-to = مع الإصدار
constitution-compare = قارن
constitution-changes = التغييرات من الإصدار { $from } إلى الإصدار { $to }
constitution-no-changes = لم تتغير أي قاعدة بين هذين الإصدارين.
constitution-version = الإصدار { $version }
constitution-document = المستند
constitution-new = تقديم إصدار جديد
constitution-preset = البدء من نموذج جاهز
constitution-load-preset = حمّله في النموذج
constitution-refused = لم يُحفظ المستند. جميع المشكلات التي عُثر عليها:
constitution-format = الصيغة
constitution-submit = احفظه كإصدار جديد
constitution-stored = حُفظ إصدار جديد من الدستور.
hosts-title = البلدان المضيفة
hosts-online = عبر الإنترنت (بلا بلد مضيف)
hosts-none = لم يُسجَّل أي بلد مضيف بعد.
hosts-manage = تعديل البلدان المضيفة
hosts-add = إضافة سنة أو تعديلها
hosts-hint = تُستبدل السنة المسجلة سابقًا. تملأ هذه القائمة مقاعد البلدان المضيفة بحكم المنصب والمقاعد الدائمة.
host-saved = حُفظ البلد المضيف.
host-removed = أُزيل البلد المضيف.
col-year = السنة
col-city = المدينة
col-total = المجموع
button-remove = إزالة
roster-ex-officio = المقاعد بحكم المنصب
roster-held-by = يشغله
roster-ex-officio-hint = تُملأ تلقائيًا من البلدان المضيفة للمنتدى ورئيس الفريق الاستشاري المسجَّل.
roster-standing = المقاعد الدائمة للبلدان المضيفة السابقة
roster-to-be-named = سيُسمّى لاحقًا
exofficio-current_host_country = البلد المضيف الحالي
exofficio-previous_host_country = البلد المضيف السابق
exofficio-next_host_country = البلد المضيف التالي
exofficio-mag_chair = رئيس الفريق الاستشاري المتعدد أصحاب المصلحة
exofficio-tech_envoy = مبعوث الأمين العام للأمم المتحدة المعني بالتكنولوجيا
roster-crosstab = مجموعة أصحاب المصلحة × المجموعة الإقليمية للأمم المتحدة
roster-crosstab-caption = الأعضاء العاديون حسب مجموعة أصحاب المصلحة (الصفوف) والمجموعة الإقليمية للأمم المتحدة (الأعمدة). تحت كل عدد: نساء / رجال / أجناس أخرى. الخلايا الأغمق تضم أعضاء أكثر.
roster-crosstab-corner = مجموعة أصحاب المصلحة

mail-reset-subject = إعادة تعيين كلمة مرور Plenary
mail-reset-body = مرحبًا { $name }،

    طلب أحدهم إعادة تعيين كلمة مرور حسابك على Plenary. لاختيار كلمة مرور جديدة، افتح هذا الرابط خلال ساعة واحدة:

    { $link }

    إذا لم تكن أنت من قدّم الطلب، فتجاهل هذه الرسالة: ستبقى كلمة مرورك كما هي.
