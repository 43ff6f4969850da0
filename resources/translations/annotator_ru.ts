<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Новый проект…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Открыть проект…</translation>
    </message>
    <message>
        <source>Open &amp;demo project</source>
        <translation>Открыть &amp;демо-проект</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>Import e&amp;xport folder…</source>
        <translation>Импорт &amp;папки экспорта…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Import REFI-QDA pro&amp;ject (.qdpx)…</source>
        <translation>Импорт проек&amp;та REFI-QDA (.qdpx)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Резервная &amp;копия сейчас</translation>
    </message>
    <message>
        <source>Open bac&amp;kups folder</source>
        <translation>Открыть папку &amp;резервных копий</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>&amp;Закрыть проект</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Next post</source>
        <translation>&amp;Следующий пост</translation>
    </message>
    <message>
        <source>&amp;Previous post</source>
        <translation>&amp;Предыдущий пост</translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation>&amp;Согласованность…</translation>
    </message>
    <message>
        <source>&amp;About Annotator</source>
        <translation>&amp;О программе Annotator</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Очистить список</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Н&amp;едавние проекты</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Codebook</source>
        <translation>&amp;Кодовая книга</translation>
    </message>
    <message>
        <source>C&amp;oding</source>
        <translation>Ко&amp;дирование</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>Ко&amp;манда</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Пе&amp;реход</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
</context>
<context>
    <name>AdjudicationLink</name>
    <message>
        <source>A&amp;djudicate…</source>
        <translation>&amp;Арбитраж…</translation>
    </message>
    <message>
        <source>Settle the coders&apos; disagreements into the adjudicated (gold) layer</source>
        <translation>Разрешить расхождения кодировщиков в арбитражном (эталонном) слое</translation>
    </message>
</context>
<context>
    <name>AdjudicationWindow</name>
    <message>
        <source>Adjudication</source>
        <translation>Арбитраж</translation>
    </message>
    <message>
        <source>Adjudication — {name}</source>
        <translation>Арбитраж — {name}</translation>
    </message>
    <message>
        <source>Adjudicated</source>
        <translation>Арбитраж</translation>
    </message>
    <message>
        <source>Every disagreement is decided.</source>
        <translation>Все расхождения разрешены.</translation>
    </message>
    <message>
        <source>Select text in a column first.</source>
        <translation>Сначала выделите текст в одном из столбцов.</translation>
    </message>
    <message>
        <source>Choose a post on the left.</source>
        <translation>Выберите пост слева.</translation>
    </message>
    <message>
        <source>No post was finished by two or more coders yet: there is nothing to adjudicate.</source>
        <translation>Пока ни один пост не завершён двумя или более кодировщиками: арбитраж не нужен.</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>дата неизвестна</translation>
    </message>
    <message>
        <source>Post {label} · {channel} · {date}
Finished by {coders} · {open} of {total} disagreements open · agreed codes adopted: {seeded} of {agreed}</source>
        <translation>Пост {label} · {channel} · {date}
Завершили: {coders} · открыто расхождений: {open} из {total} · принято согласованных кодов: {seeded} из {agreed}</translation>
    </message>
    <message>
        <source>Deciding as {name}</source>
        <translation>Решения от имени: {name}</translation>
    </message>
    <message>
        <source>Choose who you are in the main window (Coding → Switch coder…) to decide.</source>
        <translation>Чтобы принимать решения, выберите себя в главном окне (Кодирование → Сменить кодировщика…).</translation>
    </message>
    <message>
        <source>Show in &amp;workspace</source>
        <translation>Показать в &amp;рабочей области</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Add selection</source>
        <translation>Добавить выделенное</translation>
    </message>
    <message>
        <source>Remove span</source>
        <translation>Удалить фрагмент</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
</context>
<context>
    <name>AgreementWindow</name>
    <message>
        <source>Agreement</source>
        <translation>Согласованность</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>&amp;Рассчитать</translation>
    </message>
    <message>
        <source>Compute the report (Ctrl+Return)</source>
        <translation>Рассчитать отчёт (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop the computation (Esc)</source>
        <translation>Остановить расчёт (Esc)</translation>
    </message>
    <message>
        <source>Agreement — {name}</source>
        <translation>Согласованность — {name}</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Расчёт…</translation>
    </message>
    <message>
        <source>Cancelled. The report shown (if any) is the previous one.</source>
        <translation>Отменено. Показан предыдущий отчёт (если он был).</translation>
    </message>
    <message>
        <source>The coding changed since this report: press Compute to update it.</source>
        <translation>Кодирование изменилось после расчёта отчёта: нажмите «Рассчитать», чтобы обновить его.</translation>
    </message>
    <message>
        <source>The options changed: press Compute to update the report.</source>
        <translation>Параметры изменились: нажмите «Рассчитать», чтобы обновить отчёт.</translation>
    </message>
    <message>
        <source>The report shown matches these options.</source>
        <translation>Показанный отчёт соответствует этим параметрам.</translation>
    </message>
    <message>
        <source>Computed: {rows} rows, {count} disagreements.</source>
        <translation>Рассчитано. Строк: {rows}, расхождений: {count}.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>The report could not be computed.</source>
        <translation>Не удалось рассчитать отчёт.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign posts</source>
        <translation>Распределение постов</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Распределить</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Кодировщики</translation>
    </message>
    <message>
        <source>New coder: type a name</source>
        <translation>Новый кодировщик: введите имя</translation>
    </message>
    <message>
        <source>Add coder</source>
        <translation>Добавить кодировщика</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Посты</translation>
    </message>
    <message>
        <source>All posts ({count})</source>
        <translation>Все посты ({count})</translation>
    </message>
    <message>
        <source>Posts of the current filter ({count})</source>
        <translation>Посты текущего фильтра ({count})</translation>
    </message>
    <message>
        <source>Posts of the current filter (none is set in the post list)</source>
        <translation>Посты текущего фильтра (в списке постов фильтр не задан)</translation>
    </message>
    <message>
        <source>Only posts number</source>
        <translation>Только посты с номерами</translation>
    </message>
    <message>
        <source>Random sample of</source>
        <translation>Случайная выборка из</translation>
    </message>
    <message>
        <source> posts</source>
        <translation> постов</translation>
    </message>
    <message>
        <source>Also reassign posts already assigned (their earlier assignments are dropped)</source>
        <translation>Перераспределить и уже распределённые посты (прежние назначения снимаются)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>Reliability sample (coded by several coders)</source>
        <translation>Выборка для проверки надёжности (кодируют несколько кодировщиков)</translation>
    </message>
    <message>
        <source>% of the posts</source>
        <translation>% постов</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>постов</translation>
    </message>
    <message>
        <source>Coded by every chosen coder</source>
        <translation>Кодируют все выбранные кодировщики</translation>
    </message>
    <message>
        <source>Coded by</source>
        <translation>Кодируют</translation>
    </message>
    <message>
        <source> coders each</source>
        <translation> кодировщика(ов) на пост</translation>
    </message>
    <message>
        <source>Stratify by channel (each channel gives its share of the sample)</source>
        <translation>Стратифицировать по каналам (каждый канал даёт свою долю выборки)</translation>
    </message>
    <message>
        <source>The same choices and seed give the same plan</source>
        <translation>Те же параметры и то же зерно дают тот же план</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>Новое зерно</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Размер:</translation>
    </message>
    <message>
        <source>Coders:</source>
        <translation>Кодировщики:</translation>
    </message>
    <message>
        <source>Random seed:</source>
        <translation>Случайное зерно:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Кодировщик</translation>
    </message>
    <message>
        <source>Of which reliability</source>
        <translation>Из них для надёжности</translation>
    </message>
    <message>
        <source>{name} (new)</source>
        <translation>{name} (новый)</translation>
    </message>
    <message>
        <source>{posts} posts, {count} assignments.</source>
        <translation>Постов: {posts}, назначений: {count}.</translation>
    </message>
    <message>
        <source>Reliability sample: {posts} posts, each coded by {k} coders.</source>
        <translation>Выборка для надёжности: постов — {posts}, каждый кодируют {k} кодировщика(ов).</translation>
    </message>
    <message>
        <source>{count} posts already assigned are left out.</source>
        <translation>Уже распределённые посты пропущены: {count}.</translation>
    </message>
    <message>
        <source>{count} posts already assigned are assigned anew.</source>
        <translation>Уже распределённые посты распределены заново: {count}.</translation>
    </message>
</context>
<context>
    <name>AssignedPostsDelegate</name>
    <message>
        <source>to do</source>
        <translation>к работе</translation>
    </message>
    <message>
        <source>Assigned to you</source>
        <translation>Назначен вам</translation>
    </message>
</context>
<context>
    <name>AssignmentWorkspace</name>
    <message>
        <source>&amp;Assign posts…</source>
        <translation>&amp;Распределить посты…</translation>
    </message>
    <message>
        <source>Assign&amp;ments…</source>
        <translation>&amp;Назначения…</translation>
    </message>
    <message>
        <source>Assigned {posts} posts to {coders} coders.</source>
        <translation>Распределено постов: {posts}, кодировщиков: {coders}.</translation>
    </message>
    <message>
        <source>Assigned: {assigned} · done {done} · {percent}%</source>
        <translation>Назначено: {assigned} · готово {done} · {percent}%</translation>
    </message>
</context>
<context>
    <name>AssignmentsDialog</name>
    <message>
        <source>Assignments</source>
        <translation>Назначения</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Кодировщик</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Назначено</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Надёжность</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Done %</source>
        <translation>Готово, %</translation>
    </message>
    <message>
        <source>Assigned on (UTC)</source>
        <translation>Дата назначения (UTC)</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Посты</translation>
    </message>
    <message>
        <source>Reliability posts</source>
        <translation>Посты для надёжности</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Кодировщики</translation>
    </message>
    <message>
        <source>Remove batch</source>
        <translation>Удалить пакет назначений</translation>
    </message>
    <message>
        <source>Remove the selected batch&apos;s assignments (the coding done stays; Undo brings them back)</source>
        <translation>Удалить назначения выбранного пакета (выполненное кодирование сохранится; «Отменить» вернёт их)</translation>
    </message>
    <message>
        <source>Nothing is assigned yet: use Team → Assign posts…</source>
        <translation>Пока ничего не назначено: используйте Команда → Распределить посты…</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Пакеты назначений</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Backing up…</source>
        <translation>Резервное копирование…</translation>
    </message>
    <message>
        <source>A backup is being written already.</source>
        <translation>Резервная копия уже записывается.</translation>
    </message>
    <message>
        <source>Backed up to “{path}”.</source>
        <translation>Резервная копия записана в «{path}».</translation>
    </message>
    <message>
        <source>Automatic backup failed: {reason}</source>
        <translation>Автоматическое резервное копирование не удалось: {reason}</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Резервное копирование не удалось</translation>
    </message>
    <message>
        <source>Backed up {time}</source>
        <translation>Резервная копия: {time}</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Резервных копий пока нет</translation>
    </message>
    <message>
        <source>Automatic backups every {minutes} minutes while you work, keeping the {keep} newest and one a day for the last {days} days.</source>
        <translation>Автоматическое резервное копирование каждые {minutes} мин во время работы; хранятся {keep} последних копий и по одной в день за последние {days} дн.</translation>
    </message>
    <message>
        <source>Automatic backups are off (Edit → Preferences…).</source>
        <translation>Автоматическое резервное копирование выключено (Правка → Настройки…).</translation>
    </message>
    <message>
        <source>Backups folder: {folder}</source>
        <translation>Папка резервных копий: {folder}</translation>
    </message>
    <message>
        <source>The last backup failed: {reason}</source>
        <translation>Последнее резервное копирование не удалось: {reason}</translation>
    </message>
</context>
<context>
    <name>BooleanEditor</name>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>not coded</source>
        <translation>не закодировано</translation>
    </message>
    <message>
        <source>Click for yes, again for no</source>
        <translation>Щёлкните — «да», ещё раз — «нет»</translation>
    </message>
</context>
<context>
    <name>ChangelogDialog</name>
    <message>
        <source>Codebook changelog</source>
        <translation>Журнал изменений кодовой книги</translation>
    </message>
    <message>
        <source>Codebook version {version}; {count} change(s) recorded.</source>
        <translation>Версия кодовой книги: {version}; записано изменений: {count}.</translation>
    </message>
</context>
<context>
    <name>ChangelogModel</name>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Описание</translation>
    </message>
</context>
<context>
    <name>ChatListModel</name>
    <message>
        <source>{label} — private</source>
        <translation>{label} — личный</translation>
    </message>
    <message>
        <source>A personal chat or private group: imported only when ticked.</source>
        <translation>Личный чат или закрытая группа: импортируется, только если отмечен.</translation>
    </message>
</context>
<context>
    <name>ChatSection</name>
    <message>
        <source>Tick &amp;all</source>
        <translation>Отметить &amp;все</translation>
    </message>
    <message>
        <source>Tick n&amp;one</source>
        <translation>Снять &amp;отметки</translation>
    </message>
    <message>
        <source>Chats in “{name}”: tick the ones to import</source>
        <translation>Чаты в «{name}»: отметьте те, что нужно импортировать</translation>
    </message>
</context>
<context>
    <name>CodeTreeModel</name>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Клавиша</translation>
    </message>
</context>
<context>
    <name>CodebookDocks</name>
    <message>
        <source>Codebook</source>
        <translation>Кодовая книга</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Определение</translation>
    </message>
    <message>
        <source>Change&amp;log…</source>
        <translation>&amp;Журнал изменений…</translation>
    </message>
    <message>
        <source>codebook v{version}</source>
        <translation>кодовая книга, версия {version}</translation>
    </message>
</context>
<context>
    <name>CodebookFiles</name>
    <message>
        <source>&amp;Load codebook file…</source>
        <translation>&amp;Загрузить файл кодовой книги…</translation>
    </message>
    <message>
        <source>&amp;Export codebook…</source>
        <translation>&amp;Экспортировать кодовую книгу…</translation>
    </message>
    <message>
        <source>Codebook not loaded</source>
        <translation>Кодовая книга не загружена</translation>
    </message>
    <message>
        <source>“{name}” has {count} problem(s); the codebook was not changed.</source>
        <translation>В «{name}» найдено проблем: {count}; кодовая книга не изменена.</translation>
    </message>
    <message>
        <source>Load codebook file</source>
        <translation>Загрузка файла кодовой книги</translation>
    </message>
    <message>
        <source>Codebooks (*.yaml *.yml *.json *.qdc);;REFI-QDA codebook (*.qdc);;All files (*)</source>
        <translation>Кодовые книги (*.yaml *.yml *.json *.qdc);;Кодовая книга REFI-QDA (*.qdc);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Export codebook</source>
        <translation>Экспорт кодовой книги</translation>
    </message>
    <message>
        <source>Codebook exported</source>
        <translation>Кодовая книга экспортирована</translation>
    </message>
    <message>
        <source>Written. What this format could not carry:
{notes}</source>
        <translation>Записано. Что не удалось передать в этом формате:
{notes}</translation>
    </message>
</context>
<context>
    <name>CodebookLoadDialog</name>
    <message>
        <source>Load codebook</source>
        <translation>Загрузка кодовой книги</translation>
    </message>
    <message>
        <source>Loading “{name}” makes the project&apos;s codebook equal to the file. This is recorded in the changelog and cannot be undone with Undo.</source>
        <translation>После загрузки «{name}» кодовая книга проекта станет такой же, как в файле. Это записывается в журнал изменений и не отменяется командой «Отменить».</translation>
    </message>
    <message>
        <source>What the file format could not carry:</source>
        <translation>Что не удалось передать в формате файла:</translation>
    </message>
    <message>
        <source>Move their annotations to:</source>
        <translation>Перенести их аннотации в:</translation>
    </message>
    <message>
        <source>Delete their annotations</source>
        <translation>Удалить их аннотации</translation>
    </message>
    <message>
        <source>The file removes codes that carry coded work: {codes}. Where should it go?</source>
        <translation>Файл удаляет коды, с которыми уже выполнено кодирование: {codes}. Куда перенести эту работу?</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Загрузить</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <source>Filter codes…</source>
        <translation>Фильтр кодов…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Ещё</translation>
    </message>
    <message>
        <source>Add code</source>
        <translation>Новый код</translation>
    </message>
    <message>
        <source>Add subcode</source>
        <translation>Новый подкод</translation>
    </message>
    <message>
        <source>&amp;Add code…</source>
        <translation>&amp;Новый код…</translation>
    </message>
    <message>
        <source>Add &amp;subcode…</source>
        <translation>Новый &amp;подкод…</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Пере&amp;именовать</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Цвет…</translation>
    </message>
    <message>
        <source>Short&amp;cut…</source>
        <translation>&amp;Клавиша…</translation>
    </message>
    <message>
        <source>Edit &amp;definition…</source>
        <translation>Изменить &amp;определение…</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>О&amp;бъединить с…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>Add a code at the top level</source>
        <translation>Добавить код на верхний уровень</translation>
    </message>
    <message>
        <source>Add a code under the selected code</source>
        <translation>Добавить код внутрь выбранного кода</translation>
    </message>
</context>
<context>
    <name>CodebookPrompts</name>
    <message>
        <source>Delete “{path}”? {annotations} annotation(s) and {values} post value(s) on {codes} code(s) will be deleted.</source>
        <translation>Удалить «{path}»? Будут удалены аннотации ({annotations}) и значения постов ({values}) у кодов ({codes}).</translation>
    </message>
    <message>
        <source>Name of the new code:</source>
        <translation>Название нового кода:</translation>
    </message>
    <message>
        <source>Name of the new subcode of “{path}”:</source>
        <translation>Название нового подкода в «{path}»:</translation>
    </message>
    <message>
        <source>Colour of “{name}”</source>
        <translation>Цвет кода «{name}»</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Удаление кода</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>You can undo this with Edit → Undo.</source>
        <translation>Это можно отменить: Правка → Отменить.</translation>
    </message>
</context>
<context>
    <name>CoderChoice</name>
    <message>
        <source>Coder package</source>
        <translation>Пакет кодировщика</translation>
    </message>
    <message>
        <source>This file is a coder package for {name}: it is coded as {name} only. Your work goes back into the main project when the package is merged.</source>
        <translation>Этот файл — пакет кодировщика {name}: в нём кодируют только от имени {name}. Ваша работа попадёт в основной проект, когда пакет будет объединён с ним.</translation>
    </message>
</context>
<context>
    <name>CoderDialog</name>
    <message>
        <source>Who is coding?</source>
        <translation>Кто кодирует?</translation>
    </message>
    <message>
        <source>Choose your coder profile for “{project}”. Your annotations, post values and progress are kept under this name; it is remembered on this computer.</source>
        <translation>Выберите свой профиль кодировщика для «{project}». Ваши аннотации, значения постов и прогресс хранятся под этим именем; выбор запоминается на этом компьютере.</translation>
    </message>
    <message>
        <source>New coder: type a name</source>
        <translation>Новый кодировщик: введите имя</translation>
    </message>
    <message>
        <source>Coders of this project:</source>
        <translation>Кодировщики этого проекта:</translation>
    </message>
    <message>
        <source>Or a new coder:</source>
        <translation>Или новый кодировщик:</translation>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <source>Choose a coder first (Coding → Switch coder…).</source>
        <translation>Сначала выберите кодировщика (Кодирование → Сменить кодировщика…).</translation>
    </message>
    <message>
        <source>“{name}” is a post-level variable: set it in the Post variables panel.</source>
        <translation>«{name}» — переменная поста: задайте её на панели «Переменные поста».</translation>
    </message>
    <message>
        <source>Select text to code, or click one of your annotations.</source>
        <translation>Выделите текст для кодирования или щёлкните одну из своих аннотаций.</translation>
    </message>
    <message>
        <source>The annotation cannot grow or shrink further.</source>
        <translation>Аннотацию нельзя расширить или сузить ещё.</translation>
    </message>
    <message>
        <source>&amp;Delete annotation</source>
        <translation>&amp;Удалить аннотацию</translation>
    </message>
    <message>
        <source>&amp;Memo…</source>
        <translation>&amp;Заметка…</translation>
    </message>
    <message>
        <source>Deselect annotation</source>
        <translation>Снять выделение аннотации</translation>
    </message>
    <message>
        <source>Extend end</source>
        <translation>Расширить конец</translation>
    </message>
    <message>
        <source>Shrink end</source>
        <translation>Сузить конец</translation>
    </message>
    <message>
        <source>Extend start</source>
        <translation>Расширить начало</translation>
    </message>
    <message>
        <source>Shrink start</source>
        <translation>Сузить начало</translation>
    </message>
</context>
<context>
    <name>CodingPrompts</name>
    <message>
        <source>Memo</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Memo on “{quote}” ({code}):</source>
        <translation>Заметка к «{quote}» ({code}):</translation>
    </message>
</context>
<context>
    <name>CodingWorkspace</name>
    <message>
        <source>Post variables</source>
        <translation>Переменные поста</translation>
    </message>
    <message>
        <source>Every post is done.</source>
        <translation>Все посты готовы.</translation>
    </message>
    <message>
        <source>No coder chosen</source>
        <translation>Кодировщик не выбран</translation>
    </message>
    <message>
        <source>{coder}: {done} of {total} posts done</source>
        <translation>{coder}: готово постов — {done} из {total}</translation>
    </message>
    <message>
        <source>Mark &amp;done and next post</source>
        <translation>Отметить как &amp;готовый и к следующему</translation>
    </message>
    <message>
        <source>Next post &amp;not done</source>
        <translation>Сл&amp;едующий неготовый пост</translation>
    </message>
    <message>
        <source>&amp;Switch coder…</source>
        <translation>С&amp;менить кодировщика…</translation>
    </message>
    <message>
        <source>&amp;Blind mode (hide other coders)</source>
        <translation>&amp;Слепой режим (скрыть других кодировщиков)</translation>
    </message>
    <message>
        <source>S&amp;nap selections to words</source>
        <translation>&amp;Выделять целыми словами</translation>
    </message>
    <message>
        <source>Adjust &amp;boundaries</source>
        <translation>&amp;Границы аннотации</translation>
    </message>
</context>
<context>
    <name>ColumnTable</name>
    <message>
        <source>— metadata —</source>
        <translation>— метаданные —</translation>
    </message>
    <message>
        <source>— ignored —</source>
        <translation>— пропустить —</translation>
    </message>
    <message>
        <source>Not a post field: stored with each post as metadata under the column&apos;s name.</source>
        <translation>Не поле поста: сохраняется у каждого поста как метаданные под именем столбца.</translation>
    </message>
    <message>
        <source>Left out of the import.</source>
        <translation>Не импортируется.</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>agreed, not yet adopted</source>
        <translation>согласовано, ещё не принято</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>не решено</translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <source>Accept all</source>
        <translation>Принять все</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>Отклонить (R)</translation>
    </message>
    <message>
        <source>The adjudicated version has no spans (or no value) for this code on this post</source>
        <translation>В арбитражной версии нет фрагментов (или значения) этого кода в этом посте</translation>
    </message>
    <message>
        <source>Next open (N)</source>
        <translation>Следующее открытое (N)</translation>
    </message>
    <message>
        <source>Note for the decision log (optional)</source>
        <translation>Примечание для журнала решений (необязательно)</translation>
    </message>
    <message>
        <source>Go to the next open item after deciding</source>
        <translation>После решения переходить к следующему открытому</translation>
    </message>
    <message>
        <source>Accept {name}</source>
        <translation>Принять: {name}</translation>
    </message>
    <message>
        <source>Take {name}&apos;s version</source>
        <translation>Взять версию кодировщика {name}</translation>
    </message>
    <message>
        <source>Accept both</source>
        <translation>Принять обе</translation>
    </message>
    <message>
        <source>Take the union of every coder&apos;s spans: a span several coders marked is kept once; overlapping spans are kept as they are</source>
        <translation>Объединить фрагменты всех кодировщиков: фрагмент, отмеченный несколькими, сохраняется один раз; перекрывающиеся фрагменты сохраняются как есть</translation>
    </message>
</context>
<context>
    <name>DefinitionDialog</name>
    <message>
        <source>Definition of “{path}”</source>
        <translation>Определение кода «{path}»</translation>
    </message>
    <message>
        <source>Text spans (span code)</source>
        <translation>Фрагменты текста (код фрагментов)</translation>
    </message>
    <message>
        <source>Whole post (variable)</source>
        <translation>Пост целиком (переменная)</translation>
    </message>
    <message>
        <source>Applies to:</source>
        <translation>Применяется к:</translation>
    </message>
    <message>
        <source>Variable type:</source>
        <translation>Тип переменной:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Описание:</translation>
    </message>
    <message>
        <source>Include when:</source>
        <translation>Включать, если:</translation>
    </message>
    <message>
        <source>Exclude when:</source>
        <translation>Исключать, если:</translation>
    </message>
    <message>
        <source>Examples
(one per line):</source>
        <translation>Примеры
(по одному в строке):</translation>
    </message>
    <message>
        <source>Levels
(one per line):</source>
        <translation>Уровни
(по одному в строке):</translation>
    </message>
    <message>
        <source>Memo:</source>
        <translation>Заметка:</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Один вариант</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Несколько вариантов</translation>
    </message>
    <message>
        <source>Ordinal (levels low to high)</source>
        <translation>Порядковая (уровни от низшего к высшему)</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>Да / нет</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Число</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
</context>
<context>
    <name>DefinitionPanel</name>
    <message>
        <source>Select a code to see its definition.</source>
        <translation>Выберите код, чтобы увидеть его определение.</translation>
    </message>
    <message>
        <source>key {key}</source>
        <translation>клавиша {key}</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>без клавиши</translation>
    </message>
    <message>
        <source>no colour</source>
        <translation>без цвета</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Include when</source>
        <translation>Включать, если</translation>
    </message>
    <message>
        <source>Exclude when</source>
        <translation>Исключать, если</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Примеры</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Уровни</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>No definition yet.</source>
        <translation>Определения пока нет.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Куда экспортировать</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;All posts ({count})</source>
        <translation>&amp;Все посты ({count})</translation>
    </message>
    <message>
        <source>Coders to export</source>
        <translation>Экспортируемые кодировщики</translation>
    </message>
    <message>
        <source>Include the a&amp;greement sheet (when two or more coders finished the same posts)</source>
        <translation>Добавить лист &amp;согласованности (если два или более кодировщика завершили одни и те же посты)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспортировать</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Выберите, куда сохранить экспорт.</translation>
    </message>
    <message>
        <source>Choose at least one coder.</source>
        <translation>Выберите хотя бы одного кодировщика.</translation>
    </message>
    <message>
        <source>“{name}” is a file, not a folder.</source>
        <translation>«{name}» — файл, а не папка.</translation>
    </message>
    <message>
        <source>“{name}” is a file; CSV files go into a folder.</source>
        <translation>«{name}» — файл; файлы CSV сохраняются в папку.</translation>
    </message>
    <message>
        <source>“{name}” is a folder; choose a file name.</source>
        <translation>«{name}» — папка; укажите имя файла.</translation>
    </message>
    <message>
        <source>REFI-QDA projects carry no agreement table.</source>
        <translation>Проекты REFI-QDA не содержат таблицы согласованности.</translation>
    </message>
    <message>
        <source>Export CSV files into folder</source>
        <translation>Экспорт файлов CSV в папку</translation>
    </message>
    <message>
        <source>The folder “{name}” already holds files. Files with the names the export uses will be replaced.</source>
        <translation>В папке «{name}» уже есть файлы. Файлы с теми же именами, что у экспорта, будут заменены.</translation>
    </message>
    <message>
        <source>“{name}” already exists. Replace it?</source>
        <translation>«{name}» уже существует. Заменить?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Заменить</translation>
    </message>
    <message>
        <source>{name} (adjudicated layer)</source>
        <translation>{name} (арбитражный слой)</translation>
    </message>
    <message>
        <source>(no coders yet)</source>
        <translation>(кодировщиков пока нет)</translation>
    </message>
    <message>
        <source>Only the posts of the current &amp;filter</source>
        <translation>Только посты текущего &amp;фильтра</translation>
    </message>
    <message>
        <source>The post list is not filtered.</source>
        <translation>Список постов не отфильтрован.</translation>
    </message>
    <message>
        <source>Only the posts of the current &amp;filter ({count})</source>
        <translation>Только посты текущего &amp;фильтра ({count})</translation>
    </message>
    <message>
        <source>E&amp;xcel workbook (.xlsx)</source>
        <translation>Книга E&amp;xcel (.xlsx)</translation>
    </message>
    <message>
        <source>Styled sheets for reading and analysis: posts, annotations, variables, code matrix, agreement, codebook.</source>
        <translation>Оформленные листы для чтения и анализа: посты, аннотации, переменные, матрица кодов, согласованность, кодовая книга.</translation>
    </message>
    <message>
        <source>&amp;CSV folder</source>
        <translation>Папка &amp;CSV</translation>
    </message>
    <message>
        <source>The same tables as UTF-8 CSV files, plus per-code reliability matrices for R and Python.</source>
        <translation>Те же таблицы в файлах CSV (UTF-8), а также матрицы надёжности по кодам для R и Python.</translation>
    </message>
    <message>
        <source>&amp;REFI-QDA project (.qdpx)</source>
        <translation>Проект &amp;REFI-QDA (.qdpx)</translation>
    </message>
    <message>
        <source>Texts, codebook, coders and coded segments for other QDA tools (ATLAS.ti, MAXQDA, NVivo, QualCoder).</source>
        <translation>Тексты, кодовая книга, кодировщики и закодированные фрагменты для других программ QDA (ATLAS.ti, MAXQDA, NVivo, QualCoder).</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>Проекты REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
        <source>Save &amp;to</source>
        <translation>Со&amp;хранить в</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Посты</translation>
    </message>
    <message>
        <source>C&amp;oders</source>
        <translation>Коди&amp;ровщики</translation>
    </message>
</context>
<context>
    <name>ExportSummaryBox</name>
    <message>
        <source>Export finished</source>
        <translation>Экспорт завершён</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Открыть папку</translation>
    </message>
    <message>
        <source>&amp;Open file</source>
        <translation>&amp;Открыть файл</translation>
    </message>
    <message>
        <source>&amp;Show in folder</source>
        <translation>&amp;Показать в папке</translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Exporting to “{name}”…</source>
        <translation>Экспорт в «{name}»…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Importing “{name}”…</source>
        <translation>Импорт «{name}»…</translation>
    </message>
    <message>
        <source>Import REFI-QDA project</source>
        <translation>Импорт проекта REFI-QDA</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>Проекты REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Save the new project as</source>
        <translation>Сохранить новый проект как</translation>
    </message>
    <message>
        <source>Annotator projects (*{suffix})</source>
        <translation>Проекты Annotator (*{suffix})</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Экспорт отменён; ничего не записано.</translation>
    </message>
    <message>
        <source>Import cancelled; no project was made.</source>
        <translation>Импорт отменён; проект не создан.</translation>
    </message>
</context>
<context>
    <name>GoldPanel</name>
    <message>
        <source>&amp;Add selection</source>
        <translation>&amp;Добавить выделенное</translation>
    </message>
    <message>
        <source>Add the text selected in any column to the adjudicated version (E)</source>
        <translation>Добавить текст, выделенный в любом столбце, в арбитражную версию (E)</translation>
    </message>
    <message>
        <source>Re&amp;move span</source>
        <translation>&amp;Удалить фрагмент</translation>
    </message>
    <message>
        <source>Remove the span chosen in the list (Delete)</source>
        <translation>Удалить фрагмент, выбранный в списке (Delete)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Конец</translation>
    </message>
    <message>
        <source>{name} of the chosen span, in characters (code points) from the start of the post</source>
        <translation>{name} выбранного фрагмента в символах (кодовых точках) от начала поста</translation>
    </message>
    <message>
        <source>Set &amp;offsets</source>
        <translation>Задать &amp;смещения</translation>
    </message>
    <message>
        <source>Adjudicated value:</source>
        <translation>Значение по арбитражу:</translation>
    </message>
    <message>
        <source>Offsets:</source>
        <translation>Смещения:</translation>
    </message>
    <message>
        <source>Adjudicated</source>
        <translation>Арбитраж</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import posts</source>
        <translation>Импорт постов</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Добавить &amp;файлы…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>Добавить &amp;папку…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Определить автоматически</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <source>Add the files or folders to import.</source>
        <translation>Добавьте файлы или папки для импорта.</translation>
    </message>
    <message>
        <source>{reason} Remove it, or choose its format.</source>
        <translation>{reason} Удалите его или выберите его формат.</translation>
    </message>
    <message>
        <source>Reading “{name}”…</source>
        <translation>Чтение «{name}»…</translation>
    </message>
    <message>
        <source>“{name}” and “{other}” both hold several chats; import them one at a time to choose their chats.</source>
        <translation>И «{name}», и «{other}» содержат по несколько чатов; импортируйте их по одному, чтобы выбрать чаты.</translation>
    </message>
    <message>
        <source>Tick at least one chat to import.</source>
        <translation>Отметьте хотя бы один чат для импорта.</translation>
    </message>
    <message>
        <source>Add files to import</source>
        <translation>Добавление файлов для импорта</translation>
    </message>
    <message>
        <source>Add an export folder</source>
        <translation>Добавление папки экспорта</translation>
    </message>
    <message>
        <source>Reading the inputs…</source>
        <translation>Чтение входных данных…</translation>
    </message>
    <message>
        <source>Reading stopped: the import will check the inputs itself.</source>
        <translation>Чтение остановлено: импорт сам проверит входные данные.</translation>
    </message>
    <message>
        <source>&amp;Stop reading</source>
        <translation>&amp;Остановить чтение</translation>
    </message>
    <message>
        <source>&amp;Read again</source>
        <translation>Прочитать с&amp;нова</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>Фор&amp;мат:</translation>
    </message>
    <message>
        <source>Telegram exports and tables (*.json *.html *.htm *.txt *.csv *.tsv *.xlsx);;All files (*)</source>
        <translation>Экспорт Telegram и таблицы (*.json *.html *.htm *.txt *.csv *.tsv *.xlsx);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <source>Importing {count} file(s)…</source>
        <translation>Импорт файлов ({count})…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
</context>
<context>
    <name>InputListModel</name>
    <message>
        <source>Input</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Импорт невозможен</translation>
    </message>
    <message>
        <source>Reading… {percent}%</source>
        <translation>Чтение… {percent}%</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Чтение…</translation>
    </message>
    <message>
        <source>Not read (cancelled)</source>
        <translation>Не прочитано (отменено)</translation>
    </message>
    <message>
        <source>{count} chats: choose below</source>
        <translation>Чатов: {count}; выберите ниже</translation>
    </message>
    <message>
        <source>Chat: {label}</source>
        <translation>Чат: {label}</translation>
    </message>
    <message>
        <source>{columns} column(s); preset: {name}</source>
        <translation>Столбцов: {columns}; шаблон: {name}</translation>
    </message>
    <message>
        <source>{columns} column(s); no preset matched</source>
        <translation>Столбцов: {columns}; подходящего шаблона нет</translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <source>Codes to adjudicate</source>
        <translation>Коды для арбитража</translation>
    </message>
    <message>
        <source>(deleted code)</source>
        <translation>(удалённый код)</translation>
    </message>
    <message>
        <source>agreed, adopted</source>
        <translation>согласовано, принято</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>согласовано</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открыто</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This project was upgraded from an older format (schema version {old}). A copy of the original was kept at “{backup}”.</source>
        <translation>Проект обновлён из более старого формата (версия схемы {old}). Копия исходного файла сохранена в «{backup}».</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Новый проект</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Открытие проекта</translation>
    </message>
    <message>
        <source>Import posts</source>
        <translation>Импорт постов</translation>
    </message>
    <message>
        <source>Import an export folder</source>
        <translation>Импорт папки экспорта</translation>
    </message>
    <message>
        <source>About Annotator</source>
        <translation>О программе Annotator</translation>
    </message>
    <message>
        <source>Annotator {version}

Corpus coding of Telegram posts.</source>
        <translation>Annotator {version}

Корпусное кодирование постов Telegram.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Импорт отменён; ничего не импортировано.</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Проект не открыт</translation>
    </message>
    <message>
        <source>{count} posts</source>
        <translation>Постов: {count}</translation>
    </message>
    <message>
        <source>Annotator projects (*{suffix})</source>
        <translation>Проекты Annotator (*{suffix})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Columns of “{name}”</source>
        <translation>Столбцы «{name}»</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Лист:</translation>
    </message>
    <message>
        <source>Reading “{name}”…</source>
        <translation>Чтение «{name}»…</translation>
    </message>
    <message>
        <source>Excel workbook, {columns} column(s).</source>
        <translation>Книга Excel, столбцов: {columns}.</translation>
    </message>
    <message>
        <source>CSV text ({encoding}, separated by “{delimiter}”), {columns} column(s).</source>
        <translation>Текст CSV ({encoding}, разделитель «{delimiter}»), столбцов: {columns}.</translation>
    </message>
    <message>
        <source>The columns start from “{name}”.</source>
        <translation>Столбцы взяты из «{name}».</translation>
    </message>
    <message>
        <source>Choose under each column header which post field it holds.</source>
        <translation>Под заголовком каждого столбца выберите, какое поле поста он содержит.</translation>
    </message>
    <message>
        <source>Choose the column that holds the post text.</source>
        <translation>Выберите столбец с текстом поста.</translation>
    </message>
    <message>
        <source>Reading the first posts…</source>
        <translation>Чтение первых постов…</translation>
    </message>
    <message>
        <source>The table yields no posts with these columns.</source>
        <translation>С этими столбцами таблица не даёт ни одного поста.</translation>
    </message>
    <message>
        <source>The first {count} post(s) as they would be imported.</source>
        <translation>Первые посты ({count}) в том виде, в каком они будут импортированы.</translation>
    </message>
    <message>
        <source>…and {count} more warning(s).</source>
        <translation>…и ещё предупреждений: {count}.</translation>
    </message>
    <message>
        <source>Preview posts</source>
        <translation>Предпросмотр постов</translation>
    </message>
</context>
<context>
    <name>MappingOptionsBox</name>
    <message>
        <source>Dates and channel</source>
        <translation>Даты и канал</translation>
    </message>
    <message>
        <source>The time zone of dates written without one: UTC, a name such as Europe/Moscow (daylight saving time is applied) or an offset such as +03:00. Dates that carry an offset are converted from it.</source>
        <translation>Часовой пояс для дат без пояса: UTC, название вроде Europe/Moscow (с учётом летнего времени) или смещение вроде +03:00. Даты со смещением пересчитываются из него.</translation>
    </message>
    <message>
        <source>automatic (ISO 8601)</source>
        <translation>автоматически (ISO 8601)</translation>
    </message>
    <message>
        <source>Only for dates that are not ISO 8601: a strptime format such as %d.%m.%Y %H:%M.</source>
        <translation>Только для дат не в формате ISO 8601: формат strptime, например %d.%m.%Y %H:%M.</translation>
    </message>
    <message>
        <source>not numbers</source>
        <translation>не числа</translation>
    </message>
    <message>
        <source>Unix time, seconds</source>
        <translation>Время Unix, секунды</translation>
    </message>
    <message>
        <source>Unix time, milliseconds</source>
        <translation>Время Unix, миллисекунды</translation>
    </message>
    <message>
        <source>Excel day numbers</source>
        <translation>Номера дней Excel</translation>
    </message>
    <message>
        <source>How numbers in date columns are read; without a unit a number is an error.</source>
        <translation>Как читать числа в столбцах дат; без единицы число считается ошибкой.</translation>
    </message>
    <message>
        <source>The channel of every row, used when no column is the channel: a username, a numeric id or a title.</source>
        <translation>Канал для всех строк, если ни один столбец не задаёт канал: имя пользователя, числовой id или название.</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>Часовой &amp;пояс:</translation>
    </message>
    <message>
        <source>Date &amp;format:</source>
        <translation>&amp;Формат даты:</translation>
    </message>
    <message>
        <source>&amp;Numbers in dates:</source>
        <translation>&amp;Числа в датах:</translation>
    </message>
    <message>
        <source>C&amp;hannel name:</source>
        <translation>&amp;Канал:</translation>
    </message>
    <message>
        <source>from the channel column</source>
        <translation>из столбца канала</translation>
    </message>
    <message>
        <source>from the file name: {stem}</source>
        <translation>из имени файла: {stem}</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge “{name}” into…</source>
        <translation>Объединить «{name}» с…</translation>
    </message>
    <message>
        <source>Merge “{path}” into the code chosen below. Its {annotations} annotation(s) and {values} post value(s) move there, its subcodes move under it, and “{name}” is deleted. You can undo this.</source>
        <translation>Объединить «{path}» с кодом, выбранным ниже. Его аннотации ({annotations}) и значения постов ({values}) перейдут туда, подкоды — внутрь него, а «{name}» будет удалён. Это можно отменить.</translation>
    </message>
    <message>
        <source>Filter codes…</source>
        <translation>Фильтр кодов…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <source>no value</source>
        <translation>нет значения</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <source>Coders to compare</source>
        <translation>Сравниваемые кодировщики</translation>
    </message>
    <message>
        <source>Codes to compare</source>
        <translation>Сравниваемые коды</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>В&amp;се</translation>
    </message>
    <message>
        <source>N&amp;one</source>
        <translation>&amp;Ни одного</translation>
    </message>
    <message>
        <source>Two segments of different coders match when their overlap divided by their union (the Jaccard index) reaches this value.</source>
        <translation>Два фрагмента разных кодировщиков совпадают, если их пересечение, делённое на объединение (индекс Жаккара), достигает этого значения.</translation>
    </message>
    <message>
        <source>Choose at least two coders.</source>
        <translation>Выберите хотя бы двух кодировщиков.</translation>
    </message>
    <message>
        <source>Choose at least one post variable with categories.</source>
        <translation>Выберите хотя бы одну переменную поста с категориями.</translation>
    </message>
    <message>
        <source>Choose at least one span code.</source>
        <translation>Выберите хотя бы один код фрагментов.</translation>
    </message>
    <message>
        <source>No coders yet: agreement needs posts finished by two or more coders.</source>
        <translation>Кодировщиков пока нет: для согласованности нужны посты, завершённые двумя или более кодировщиками.</translation>
    </message>
    <message>
        <source>Adjudicated (gold) ({done} posts complete)</source>
        <translation>Арбитраж (эталон) (завершено постов: {done})</translation>
    </message>
    <message>
        <source>{name} ({done} posts done)</source>
        <translation>{name} (готово постов: {done})</translation>
    </message>
    <message>
        <source>The adjudicated layer ({name}); choose it with a coder to see how far that coder&apos;s work stands from the settled version</source>
        <translation>Арбитражный слой ({name}); выберите его вместе с кодировщиком, чтобы увидеть, насколько работа кодировщика отличается от итоговой версии</translation>
    </message>
    <message>
        <source>All versions</source>
        <translation>Все версии</translation>
    </message>
    <message>
        <source>Version {n} (current)</source>
        <translation>Версия {n} (текущая)</translation>
    </message>
    <message>
        <source>Version {n}</source>
        <translation>Версия {n}</translation>
    </message>
    <message>
        <source>Advanc&amp;ed</source>
        <translation>Дополн&amp;ительно</translation>
    </message>
    <message>
        <source>none (no intervals)</source>
        <translation>нет (без интервалов)</translation>
    </message>
    <message>
        <source>Bootstrap resamples of the units for the confidence intervals of alpha and kappa; more are steadier and slower.</source>
        <translation>Число бутстреп-выборок единиц для доверительных интервалов альфы и каппы; чем больше, тем устойчивее и медленнее.</translation>
    </message>
    <message>
        <source>The same seed gives the same intervals again.</source>
        <translation>То же зерно снова даёт те же интервалы.</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Единица:</translation>
    </message>
    <message>
        <source>C&amp;oders</source>
        <translation>Коди&amp;ровщики</translation>
    </message>
    <message>
        <source>Co&amp;des</source>
        <translation>Ко&amp;ды</translation>
    </message>
    <message>
        <source>Codebook &amp;version:</source>
        <translation>&amp;Версия кодовой книги:</translation>
    </message>
    <message>
        <source>&amp;Jaccard threshold:</source>
        <translation>&amp;Порог Жаккара:</translation>
    </message>
    <message>
        <source>&amp;Resamples:</source>
        <translation>Бутстреп-в&amp;ыборки:</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>&amp;Зерно:</translation>
    </message>
    <message>
        <source>Confidence &amp;level:</source>
        <translation>&amp;Уровень доверия:</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>Create coder packages</source>
        <translation>Создание пакетов кодировщиков</translation>
    </message>
    <message>
        <source>A coder package is a project file with the codebook and one coder&apos;s assigned posts. The coder opens it in Annotator, codes offline and sends it back; Team → Merge coder packages… brings the work into this project.</source>
        <translation>Пакет кодировщика — это файл проекта с кодовой книгой и постами, назначенными одному кодировщику. Кодировщик открывает его в Annotator, работает автономно и отправляет обратно; Команда → Объединить пакеты кодировщиков… переносит работу в этот проект.</translation>
    </message>
    <message>
        <source>{name} — {count} assigned post(s)</source>
        <translation>{name} — назначено постов: {count}</translation>
    </message>
    <message>
        <source>{name} — no assignment</source>
        <translation>{name} — нет назначений</translation>
    </message>
    <message>
        <source>Give coders without an assignment every post</source>
        <translation>Кодировщикам без назначений дать все посты</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Create packages</source>
        <translation>Создать пакеты</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Coders:</source>
        <translation>Кодировщики:</translation>
    </message>
    <message>
        <source>Check at least one coder.</source>
        <translation>Отметьте хотя бы одного кодировщика.</translation>
    </message>
    <message>
        <source>Choose an existing folder.</source>
        <translation>Выберите существующую папку.</translation>
    </message>
    <message>
        <source>{names}: no assigned posts. Assign posts first (Team menu), or give them every post.</source>
        <translation>{names}: нет назначенных постов. Сначала распределите посты (меню «Команда») или дайте им все посты.</translation>
    </message>
    <message>
        <source>Already in the folder (never overwritten): {names}.</source>
        <translation>Уже есть в папке (не перезаписываются): {names}.</translation>
    </message>
    <message>
        <source>Files to write: {names}</source>
        <translation>Будут записаны файлы: {names}</translation>
    </message>
    <message>
        <source>Folder for the packages</source>
        <translation>Папка для пакетов</translation>
    </message>
</context>
<context>
    <name>PackageMergeDialog</name>
    <message>
        <source>the post is not in this project</source>
        <translation>поста нет в этом проекте</translation>
    </message>
    <message>
        <source>the post&apos;s text differs from this project&apos;s</source>
        <translation>текст поста отличается от текста в этом проекте</translation>
    </message>
    <message>
        <source>its code is not in this project&apos;s codebook</source>
        <translation>его кода нет в кодовой книге этого проекта</translation>
    </message>
    <message>
        <source>its code is of another kind in this project</source>
        <translation>его код в этом проекте другого вида</translation>
    </message>
    <message>
        <source>this project&apos;s variable does not take the value</source>
        <translation>переменная этого проекта не допускает такого значения</translation>
    </message>
    <message>
        <source>the span does not fit the post&apos;s text</source>
        <translation>фрагмент не укладывается в текст поста</translation>
    </message>
    <message>
        <source>this project uses its id for other work</source>
        <translation>этот проект использует его id для другой работы</translation>
    </message>
    <message>
        <source>changed both in the package and in this project</source>
        <translation>изменено и в пакете, и в этом проекте</translation>
    </message>
    <message>
        <source>changed in the package, deleted here</source>
        <translation>изменено в пакете, удалено здесь</translation>
    </message>
    <message>
        <source>deleted in the package, changed here</source>
        <translation>удалено в пакете, изменено здесь</translation>
    </message>
    <message>
        <source>the same code on the same span exists here</source>
        <translation>здесь уже есть тот же код на том же фрагменте</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>не читается</translation>
    </message>
    <message>
        <source>is not a coder package</source>
        <translation>не является пакетом кодировщика</translation>
    </message>
    <message>
        <source>was cut from another project (allow it below to merge it anyway)</source>
        <translation>создан из другого проекта (разрешите это ниже, чтобы всё же объединить его)</translation>
    </message>
    <message>
        <source>is listed twice</source>
        <translation>указан дважды</translation>
    </message>
    <message>
        <source>is for the same coder as another package here; merge them one at a time</source>
        <translation>предназначен тому же кодировщику, что и другой пакет здесь; объединяйте их по одному</translation>
    </message>
    <message>
        <source>is for the adjudicated layer, not a coder</source>
        <translation>предназначен арбитражному слою, а не кодировщику</translation>
    </message>
    <message>
        <source>Post {post}</source>
        <translation>Пост {post}</translation>
    </message>
    <message>
        <source>Annotation on post {post}</source>
        <translation>Аннотация в посте {post}</translation>
    </message>
    <message>
        <source>Post value on post {post}</source>
        <translation>Значение поста {post}</translation>
    </message>
    <message>
        <source>Status of post {post}</source>
        <translation>Статус поста {post}</translation>
    </message>
    <message>
        <source>blocks the merge</source>
        <translation>блокирует объединение</translation>
    </message>
    <message>
        <source>the package&apos;s version is taken</source>
        <translation>берётся версия из пакета</translation>
    </message>
    <message>
        <source>post left out</source>
        <translation>пост пропущен</translation>
    </message>
    <message>
        <source>{file}: refused — it {why}</source>
        <translation>{file}: отклонён — он {why}</translation>
    </message>
    <message>
        <source>{count} conflict(s) block the merge</source>
        <translation>конфликты блокируют объединение: {count}</translation>
    </message>
    <message>
        <source>ready, {count} change(s)</source>
        <translation>готов, изменений: {count}</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>ничего нового</translation>
    </message>
    <message>
        <source>{file} — {coder}: {state}</source>
        <translation>{file} — {coder}: {state}</translation>
    </message>
    <message>
        <source>Coder: {name} (known to this project)</source>
        <translation>Кодировщик: {name} (известен этому проекту)</translation>
    </message>
    <message>
        <source>Coder: {name} (called “{ours}” here; that name is kept)</source>
        <translation>Кодировщик: {name} (здесь называется «{ours}»; это имя сохраняется)</translation>
    </message>
    <message>
        <source>Coder: {name} (new: added as “{ours}”)</source>
        <translation>Кодировщик: {name} (новый: добавляется как «{ours}»)</translation>
    </message>
    <message>
        <source>Origin: this project</source>
        <translation>Происхождение: этот проект</translation>
    </message>
    <message>
        <source>Origin: ANOTHER project ({uuid})</source>
        <translation>Происхождение: ДРУГОЙ проект ({uuid})</translation>
    </message>
    <message>
        <source>Posts: {count}</source>
        <translation>Постов: {count}</translation>
    </message>
    <message>
        <source>{count} missing here</source>
        <translation>нет здесь: {count}</translation>
    </message>
    <message>
        <source>{count} with another text here</source>
        <translation>с другим текстом здесь: {count}</translation>
    </message>
    <message>
        <source>{count} left out for conflicts</source>
        <translation>пропущено из-за конфликтов: {count}</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <source>Post values</source>
        <translation>Значения постов</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Статусы</translation>
    </message>
    <message>
        <source>{kind}: {added} added, {updated} updated, {removed} removed, {unchanged} unchanged, {kept} kept (changed here since packaging), {conflicts} in conflict, {skipped} left out</source>
        <translation>{kind}: добавлено {added}, обновлено {updated}, удалено {removed}, без изменений {unchanged}, сохранено {kept} (изменены здесь после создания пакета), в конфликте {conflicts}, пропущено {skipped}</translation>
    </message>
    <message>
        <source>Memos written: {count}</source>
        <translation>Записано заметок: {count}</translation>
    </message>
    <message>
        <source>Codebook: version {cut} at packaging, {package} in the package, {here} here; {count} difference(s)</source>
        <translation>Кодовая книга: версия {cut} при создании пакета, {package} в пакете, {here} здесь; различий: {count}</translation>
    </message>
    <message>
        <source>Merged before: {dates}</source>
        <translation>Уже объединялся: {dates}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… и ещё {count}</translation>
    </message>
    <message>
        <source>Conflicts: {count}</source>
        <translation>Конфликтов: {count}</translation>
    </message>
    <message>
        <source>Merge coder packages</source>
        <translation>Объединение пакетов кодировщиков</translation>
    </message>
    <message>
        <source>Each package is checked against this project first: nothing is written until you click Merge. The merge writes a backup of the project, then brings every package in at once, or nothing.</source>
        <translation>Сначала каждый пакет сверяется с этим проектом: ничего не записывается, пока вы не нажмёте «Объединить». При объединении сначала создаётся резервная копия проекта, затем переносятся сразу все пакеты — или ни один.</translation>
    </message>
    <message>
        <source>Add packages…</source>
        <translation>Добавить пакеты…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Where both sides changed something, take the package&apos;s version</source>
        <translation>Если изменения есть с обеих сторон, брать версию из пакета</translation>
    </message>
    <message>
        <source>Leave posts with conflicts out</source>
        <translation>Пропускать посты с конфликтами</translation>
    </message>
    <message>
        <source>Allow packages cut from another project</source>
        <translation>Разрешить пакеты, созданные из другого проекта</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Add the coder packages to merge.</source>
        <translation>Добавьте пакеты кодировщиков для объединения.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Remove or fix the refused package(s) to merge.</source>
        <translation>Чтобы объединить, удалите или исправьте отклонённые пакеты.</translation>
    </message>
    <message>
        <source>{count} conflict(s) block the merge. Take the packages&apos; version, or leave those posts out, with the options above.</source>
        <translation>Конфликты блокируют объединение: {count}. С помощью параметров выше возьмите версию из пакетов или пропустите эти посты.</translation>
    </message>
    <message>
        <source>Nothing to merge: this project already holds the packages&apos; work.</source>
        <translation>Объединять нечего: в проекте уже есть работа из этих пакетов.</translation>
    </message>
    <message>
        <source>Ready to merge.</source>
        <translation>Всё готово к объединению.</translation>
    </message>
    <message>
        <source>Coder packages</source>
        <translation>Пакеты кодировщиков</translation>
    </message>
    <message>
        <source>Annotator projects (*{suffix})</source>
        <translation>Проекты Annotator (*{suffix})</translation>
    </message>
</context>
<context>
    <name>PostFilterBar</name>
    <message>
        <source>Search posts (Ctrl+F)</source>
        <translation>Поиск постов (Ctrl+F)</translation>
    </message>
    <message>
        <source>The current coder&apos;s status</source>
        <translation>Статус у текущего кодировщика</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Не начат</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готов</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Posts with at least one annotation of this code</source>
        <translation>Посты хотя бы с одной аннотацией этого кода</translation>
    </message>
    <message>
        <source>Go to post number (Ctrl+G)</source>
        <translation>Перейти к посту с номером (Ctrl+G)</translation>
    </message>
    <message>
        <source>My assignment</source>
        <translation>Мои назначения</translation>
    </message>
    <message>
        <source>Only the posts assigned to the current coder</source>
        <translation>Только посты, назначенные текущему кодировщику</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Все каналы</translation>
    </message>
    <message>
        <source>Any code</source>
        <translation>Любой код</translation>
    </message>
    <message>
        <source>{shown} of {total} posts</source>
        <translation>Постов: {shown} из {total}</translation>
    </message>
</context>
<context>
    <name>PostFiltering</name>
    <message>
        <source>&amp;Find posts…</source>
        <translation>&amp;Найти посты…</translation>
    </message>
    <message>
        <source>&amp;Go to post #…</source>
        <translation>Перейти &amp;к посту №…</translation>
    </message>
</context>
<context>
    <name>PostPanel</name>
    <message>
        <source>Posts to adjudicate</source>
        <translation>Посты для арбитража</translation>
    </message>
    <message>
        <source>Only posts with &amp;open items</source>
        <translation>Только посты с &amp;открытыми пунктами</translation>
    </message>
    <message>
        <source>Adopt agreed codes</source>
        <translation>Принять согласованные коды</translation>
    </message>
    <message>
        <source>Copy every code all coders agree on into the adjudicated version (logged as decisions; undoable)</source>
        <translation>Скопировать в арбитражную версию все коды, по которым согласны все кодировщики (записывается как решения; можно отменить)</translation>
    </message>
    <message>
        <source>Posts finished by two or more coders</source>
        <translation>Посты, завершённые двумя или более кодировщиками</translation>
    </message>
    <message>
        <source>Adjudicated %v of %m items</source>
        <translation>Решено пунктов: %v из %m</translation>
    </message>
    <message>
        <source>No disagreements to adjudicate</source>
        <translation>Расхождений для арбитража нет</translation>
    </message>
    <message>
        <source>{complete} of {posts} posts complete · agreed codes adopted: {seeded} of {agreed}</source>
        <translation>Завершено постов: {complete} из {posts} · принято согласованных кодов: {seeded} из {agreed}</translation>
    </message>
    <message>
        <source>Adopt agreed codes ({n})</source>
        <translation>Принять согласованные коды ({n})</translation>
    </message>
</context>
<context>
    <name>PostPreviewModel</name>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Date (UTC)</source>
        <translation>Дата (UTC)</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
</context>
<context>
    <name>PostProgressModel</name>
    <message>
        <source>Post</source>
        <translation>Пост</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Пункты</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>{decided} of {total} disagreements decided; {seeded} of {agreed} agreed codes adopted</source>
        <translation>Разрешено расхождений: {decided} из {total}; принято согласованных кодов: {seeded} из {agreed}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готов</translation>
    </message>
    <message>
        <source>agreed codes to adopt</source>
        <translation>есть согласованные коды для принятия</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открыт</translation>
    </message>
    <message>
        <source>started</source>
        <translation>начат</translation>
    </message>
</context>
<context>
    <name>PostTableModel</name>
    <message>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Forwarded from</source>
        <translation>Переслано из</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Длина</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Аннотации</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готов</translation>
    </message>
</context>
<context>
    <name>ProgressRun</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>Channel:</source>
        <translation>Канал:</translation>
    </message>
    <message>
        <source>Forwarded from:</source>
        <translation>Переслано из:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Дата:</translation>
    </message>
    <message>
        <source>Reactions:</source>
        <translation>Реакции:</translation>
    </message>
    <message>
        <source>Views:</source>
        <translation>Просмотры:</translation>
    </message>
    <message>
        <source>Edited:</source>
        <translation>Изменён:</translation>
    </message>
    <message>
        <source>Select a post in the list to read it.</source>
        <translation>Выберите пост в списке, чтобы прочитать его.</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>дата неизвестна</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>ambiguous ({n} readings)</source>
        <translation>неоднозначно (вариантов прочтения: {n})</translation>
    </message>
    <message>
        <source>ambiguous</source>
        <translation>неоднозначно</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Scope of the report</source>
        <translation>Охват отчёта</translation>
    </message>
    <message>
        <source>Agreement per code and measure</source>
        <translation>Согласованность по кодам и мерам</translation>
    </message>
    <message>
        <source>Agreement per pair of coders</source>
        <translation>Согласованность по парам кодировщиков</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Расхождения</translation>
    </message>
    <message>
        <source>How to read this report</source>
        <translation>Как читать этот отчёт</translation>
    </message>
    <message>
        <source>Code &amp;table</source>
        <translation>&amp;Таблица кодов</translation>
    </message>
    <message>
        <source>α c&amp;hart</source>
        <translation>&amp;Диаграмма α</translation>
    </message>
    <message>
        <source>Coder &amp;pairs</source>
        <translation>&amp;Пары кодировщиков</translation>
    </message>
    <message>
        <source>Disa&amp;greements</source>
        <translation>&amp;Расхождения</translation>
    </message>
    <message>
        <source>How to read th&amp;is</source>
        <translation>&amp;Как читать</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Коп&amp;ировать</translation>
    </message>
    <message>
        <source>Disa&amp;greements ({count})</source>
        <translation>&amp;Расхождения ({count})</translation>
    </message>
    <message>
        <source>No report yet: choose what to compare and press Compute.</source>
        <translation>Отчёта пока нет: выберите, что сравнивать, и нажмите «Рассчитать».</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α per code, pooled row first. Whiskers: bootstrap confidence interval. Dashed lines: 0.667 (tentative conclusions) and 0.800 (reliable). Hatched: α undefined, with the reason.</source>
        <translation>α Криппендорфа по кодам, первой идёт сводная строка. Усы: бутстреп-доверительный интервал. Пунктир: 0,667 (предварительные выводы) и 0,800 (надёжно). Штриховка: α не определена, с указанием причины.</translation>
    </message>
    <message>
        <source>Copy the table as tab-separated text</source>
        <translation>Копировать таблицу как текст с табуляциями</translation>
    </message>
    <message>
        <source>Copy the matrix as tab-separated text</source>
        <translation>Копировать матрицу как текст с табуляциями</translation>
    </message>
    <message>
        <source>Copy the list as tab-separated text</source>
        <translation>Копировать список как текст с табуляциями</translation>
    </message>
    <message>
        <source>Copy the notes as text</source>
        <translation>Копировать пояснения как текст</translation>
    </message>
    <message>
        <source>Copy the chart as an image</source>
        <translation>Копировать диаграмму как изображение</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>По умолчанию</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> пт</translation>
    </message>
    <message>
        <source>The size of post texts and of the lists.</source>
        <translation>Размер текста постов и списков.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Системная</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Grow selections to whole words before coding</source>
        <translation>Расширять выделение до целых слов перед кодированием</translation>
    </message>
    <message>
        <source>How many of the newest backups to keep; the newest backup of each of the last {days} days is kept as well.</source>
        <translation>Сколько последних резервных копий хранить; кроме того, хранится последняя копия за каждый из последних {days} дн.</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Открыть папку журнала</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выключено</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Каждый час</translation>
    </message>
    <message>
        <source>Every {minutes} minutes</source>
        <translation>Каждые {minutes} мин</translation>
    </message>
    <message>
        <source>Reading and coding</source>
        <translation>Чтение и кодирование</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>Размер текста:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Тема:</translation>
    </message>
    <message>
        <source>Word snapping:</source>
        <translation>Выделение по словам:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>A new language shows after Annotator restarts.</source>
        <translation>Новый язык появится после перезапуска Annotator.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <source>Automatic backups:</source>
        <translation>Автоматические копии:</translation>
    </message>
    <message>
        <source>Backups to keep:</source>
        <translation>Хранить копий:</translation>
    </message>
    <message>
        <source>Every change is saved in the project at once; backups are extra copies, kept in a folder beside the project (File → Open backups folder).</source>
        <translation>Каждое изменение сразу сохраняется в проекте; резервные копии — это дополнительные копии в папке рядом с проектом (Файл → Открыть папку резервных копий).</translation>
    </message>
</context>
<context>
    <name>ShortcutDialog</name>
    <message>
        <source>Shortcut for “{name}”</source>
        <translation>Клавиша для «{name}»</translation>
    </message>
    <message>
        <source>Press the key that applies this code while coding (a letter, digit or sign, without Ctrl or Alt).</source>
        <translation>Нажмите клавишу, которая будет применять этот код при кодировании (буква, цифра или знак, без Ctrl и Alt).</translation>
    </message>
    <message>
        <source>No shortcut.</source>
        <translation>Без клавиши.</translation>
    </message>
    <message>
        <source>“{keys}” is not a single key without modifiers.</source>
        <translation>«{keys}» — не одна клавиша без модификаторов.</translation>
    </message>
    <message>
        <source>“{key}” is already used by {path}.</source>
        <translation>«{key}» уже используется кодом {path}.</translation>
    </message>
    <message>
        <source>Key “{key}”.</source>
        <translation>Клавиша «{key}».</translation>
    </message>
</context>
<context>
    <name>SyncWarning</name>
    <message>
        <source>Project in a synced folder</source>
        <translation>Проект в синхронизируемой папке</translation>
    </message>
    <message>
        <source>“{name}” is in a folder synced by {service}.</source>
        <translation>«{name}» находится в папке, которую синхронизирует {service}.</translation>
    </message>
    <message>
        <source>Project on a network drive</source>
        <translation>Проект на сетевом диске</translation>
    </message>
    <message>
        <source>“{name}” is on a network drive ({service}).</source>
        <translation>«{name}» находится на сетевом диске ({service}).</translation>
    </message>
    <message>
        <source>Sync services and network drives can copy a project file while Annotator is writing to it. The file can then be damaged or split into conflicting copies, and coding can be lost.

Keep the project in a local folder on this computer that is not synced, and share work with coder packages (Team menu) or exports instead of sharing the project file itself.</source>
        <translation>Службы синхронизации и сетевые диски могут копировать файл проекта, пока Annotator записывает в него. Тогда файл может повредиться или разделиться на конфликтующие копии, и часть кодирования будет потеряна.

Храните проект в локальной несинхронизируемой папке на этом компьютере, а работой обменивайтесь через пакеты кодировщиков (меню «Команда») или экспорт, а не через сам файл проекта.</translation>
    </message>
    <message>
        <source>Don&apos;t warn again for this project</source>
        <translation>Больше не предупреждать для этого проекта</translation>
    </message>
</context>
<context>
    <name>TableSection</name>
    <message>
        <source>Table columns</source>
        <translation>Столбцы таблицы</translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation>&amp;Столбцы…</translation>
    </message>
    <message>
        <source>&amp;Load mapping…</source>
        <translation>&amp;Загрузить сопоставление…</translation>
    </message>
    <message>
        <source>&amp;Save mapping…</source>
        <translation>С&amp;охранить сопоставление…</translation>
    </message>
    <message>
        <source>No preset matched the columns of “{name}”: set them with Columns…</source>
        <translation>Ни один шаблон не подошёл к столбцам «{name}»: задайте их кнопкой «Столбцы…»</translation>
    </message>
    <message>
        <source>No preset matched the columns of “{name}”: import it on its own to set its columns.</source>
        <translation>Ни один шаблон не подошёл к столбцам «{name}»: импортируйте этот файл отдельно, чтобы задать столбцы.</translation>
    </message>
    <message>
        <source>Load column mapping</source>
        <translation>Загрузка сопоставления столбцов</translation>
    </message>
    <message>
        <source>Save column mapping</source>
        <translation>Сохранение сопоставления столбцов</translation>
    </message>
    <message>
        <source>“{name}” was not read; the import will use the preset its header row matches.</source>
        <translation>«{name}» не прочитан; импорт использует шаблон, подходящий к строке заголовков.</translation>
    </message>
    <message>
        <source>Preset detected for “{name}”: {preset}.</source>
        <translation>Для «{name}» найден шаблон: {preset}.</translation>
    </message>
    <message>
        <source>No preset matched “{name}”: columns guessed from the header names ({fields}); check them with Columns…</source>
        <translation>Для «{name}» шаблон не найден: столбцы угаданы по заголовкам ({fields}); проверьте их кнопкой «Столбцы…»</translation>
    </message>
    <message>
        <source>No preset matched “{name}”: set the columns.</source>
        <translation>Для «{name}» шаблон не найден: задайте столбцы.</translation>
    </message>
    <message>
        <source>Columns set by hand: {fields}.</source>
        <translation>Столбцы заданы вручную: {fields}.</translation>
    </message>
    <message>
        <source>Columns from “{file}”: {fields}.</source>
        <translation>Столбцы из «{file}»: {fields}.</translation>
    </message>
    <message>
        <source>Saved as “{file}”.</source>
        <translation>Сохранено как «{file}».</translation>
    </message>
    <message>
        <source>The columns apply to all {count} tables.</source>
        <translation>Столбцы применяются ко всем таблицам ({count}).</translation>
    </message>
    <message>
        <source>Column mappings (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Сопоставления столбцов (*.yaml *.yml *.json);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>TeamFiles</name>
    <message>
        <source>Create coder &amp;packages…</source>
        <translation>Создать &amp;пакеты кодировщиков…</translation>
    </message>
    <message>
        <source>&amp;Merge coder packages…</source>
        <translation>&amp;Объединить пакеты кодировщиков…</translation>
    </message>
    <message>
        <source>{name} — package for {coder} — Annotator</source>
        <translation>{name} — пакет кодировщика {coder} — Annotator</translation>
    </message>
    <message>
        <source>{name} — Annotator</source>
        <translation>{name} — Annotator</translation>
    </message>
    <message>
        <source>Coder packages</source>
        <translation>Пакеты кодировщиков</translation>
    </message>
    <message>
        <source>Writing {count} coder package(s)…</source>
        <translation>Запись пакетов кодировщиков ({count})…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Merging {count} coder package(s)…</source>
        <translation>Объединение пакетов кодировщиков ({count})…</translation>
    </message>
    <message>
        <source>Coder packages to merge</source>
        <translation>Пакеты кодировщиков для объединения</translation>
    </message>
    <message>
        <source>Annotator projects (*{suffix})</source>
        <translation>Проекты Annotator (*{suffix})</translation>
    </message>
    <message>
        <source>{coder}: {posts} post(s), {annotations} annotation(s) → {file}</source>
        <translation>{coder}: постов {posts}, аннотаций {annotations} → {file}</translation>
    </message>
    <message>
        <source>Coder packages written</source>
        <translation>Пакеты кодировщиков записаны</translation>
    </message>
    <message>
        <source>Wrote {count} coder package(s) in “{folder}”:

{lines}

Send each coder their file; they open it in Annotator and code as usual.</source>
        <translation>Записано пакетов кодировщиков в «{folder}»: {count}

{lines}

Отправьте каждому кодировщику его файл; он откроет его в Annotator и будет кодировать как обычно.</translation>
    </message>
    <message>
        <source>Cancelled; no package was written.</source>
        <translation>Отменено; ни один пакет не записан.</translation>
    </message>
    <message>
        <source>Merge cancelled; the project was not changed.</source>
        <translation>Объединение отменено; проект не изменён.</translation>
    </message>
    <message>
        <source>Nothing to merge: the project already holds the packages&apos; work. Nothing was written.</source>
        <translation>Объединять нечего: в проекте уже есть работа из этих пакетов. Ничего не записано.</translation>
    </message>
    <message>
        <source>{coder}: annotations {a_added} added, {a_updated} updated, {a_removed} removed; post values {v_writes} and statuses {s_writes} written</source>
        <translation>{coder}: аннотаций добавлено {a_added}, обновлено {a_updated}, удалено {a_removed}; записано значений постов {v_writes} и статусов {s_writes}</translation>
    </message>
    <message>
        <source>Merged {count} coder package(s):

{lines}

A copy of the project from before the merge was written to “{backup}”. Undo history was cleared.</source>
        <translation>Объединено пакетов кодировщиков: {count}

{lines}

Копия проекта до объединения записана в «{backup}». История отмены очищена.</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <source>not coded</source>
        <translation>не закодировано</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
</context>
<context>
    <name>VariablesPanel</name>
    <message>
        <source>The codebook has no post-level variables.</source>
        <translation>В кодовой книге нет переменных поста.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Remove this post&apos;s value of “{name}”</source>
        <translation>Удалить значение «{name}» у этого поста</translation>
    </message>
</context>
<context>
    <name>VersionColumn</name>
    <message>
        <source>Spans</source>
        <translation>Фрагменты</translation>
    </message>
    <message>
        <source>no spans</source>
        <translation>нет фрагментов</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n фрагмент</numerusform>
            <numerusform>%n фрагмента</numerusform>
            <numerusform>%n фрагментов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Annotator</source>
        <translation>Добро пожаловать в Annotator</translation>
    </message>
    <message>
        <source>Create a project, open one, or try the demo project: a sample Telegram channel with a small codebook.</source>
        <translation>Создайте проект, откройте существующий или попробуйте демо-проект: образец канала Telegram с небольшой кодовой книгой.</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>Новый проект…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>Открыть проект…</translation>
    </message>
    <message>
        <source>Open demo project</source>
        <translation>Открыть демо-проект</translation>
    </message>
</context>
<context>
    <name>adjudication</name>
    <message>
        <source>accepted {sources}</source>
        <translation>принято: {sources}</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <source>adopted (all agreed)</source>
        <translation>принято (все согласны)</translation>
    </message>
    <message>
        <source>{what} by {who}, {when} UTC</source>
        <translation>{what} ({who}, {when} UTC)</translation>
    </message>
    <message>
        <source>{n} spans here</source>
        <translation>фрагментов здесь: {n}</translation>
    </message>
</context>
<context>
    <name>agreement</name>
    <message>
        <source>{code}: α undefined — {reason}.</source>
        <translation>{code}: α не определена — {reason}.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>причина не указана</translation>
    </message>
    <message>
        <source>{code}: α = {value} on {units} units</source>
        <translation>{code}: α = {value}, единиц: {units}</translation>
    </message>
    <message>
        <source>{level:g} % CI {interval}</source>
        <translation>{level:g} % ДИ {interval}</translation>
    </message>
    <message>
        <source>alpha was not computed</source>
        <translation>альфа не рассчитывалась</translation>
    </message>
    <message>
        <source>Alpha per code</source>
        <translation>Альфа по кодам</translation>
    </message>
    <message>
        <source>Compute a report to see alpha per code.</source>
        <translation>Рассчитайте отчёт, чтобы увидеть альфу по кодам.</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>{value} tentative</source>
        <translation>{value} предварительно</translation>
    </message>
    <message>
        <source>{value} reliable</source>
        <translation>{value} надёжно</translation>
    </message>
    <message>
        <source>{undefined} undefined: {reason}</source>
        <translation>{undefined} не определена: {reason}</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Единицы</translation>
    </message>
    <message>
        <source>Prevalence</source>
        <translation>Распространённость</translation>
    </message>
    <message>
        <source>{measure} CI</source>
        <translation>ДИ {measure}</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>The code&apos;s path in the codebook; the first row pools all codes.</source>
        <translation>Путь кода в кодовой книге; первая строка сводит все коды.</translation>
    </message>
    <message>
        <source>Units that entered the computation.</source>
        <translation>Единицы, вошедшие в расчёт.</translation>
    </message>
    <message>
        <source>Share of the values that say “present” (for variables: share of the most frequent value). Kappa-type measures drop when it is near 0 % or 100 %.</source>
        <translation>Доля значений «присутствует» (для переменных — доля самого частого значения). Меры типа каппы падают, когда она близка к 0 % или 100 %.</translation>
    </message>
    <message>
        <source>Bootstrap percentile confidence interval of {measure}.</source>
        <translation>Бутстреп-процентильный доверительный интервал для {measure}.</translation>
    </message>
    <message>
        <source>Warns when agreement is high but kappa is low (the kappa paradox of skewed prevalence).</source>
        <translation>Предупреждает, когда согласие высокое, а каппа низкая (парадокс каппы при перекошенной распространённости).</translation>
    </message>
    <message>
        <source>No prevalence: no unit has two values, or the unit has no categories (unitized alpha).</source>
        <translation>Распространённость не определена: ни у одной единицы нет двух значений, или у единицы нет категорий (альфа по разметке).</translation>
    </message>
    <message>
        <source>Not computed for this row.</source>
        <translation>Для этой строки не рассчитывается.</translation>
    </message>
    <message>
        <source>paradox</source>
        <translation>парадокс</translation>
    </message>
    <message>
        <source>No interval was computed.</source>
        <translation>Интервал не рассчитывался.</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Пост</translation>
    </message>
    <message>
        <source>Coder A</source>
        <translation>Кодировщик A</translation>
    </message>
    <message>
        <source>A coded</source>
        <translation>Код у A</translation>
    </message>
    <message>
        <source>Coder B</source>
        <translation>Кодировщик B</translation>
    </message>
    <message>
        <source>B coded</source>
        <translation>Код у B</translation>
    </message>
    <message>
        <source>Post {label}: double-click or press Enter to open it in the workspace.</source>
        <translation>Пост {label}: дважды щёлкните или нажмите Enter, чтобы открыть его в рабочей области.</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(ничего)</translation>
    </message>
    <message>
        <source>{a} and {b}: {units} units coded by both.</source>
        <translation>{a} и {b}: единиц, закодированных обоими, — {units}.</translation>
    </message>
    <message>
        <source>α {undefined}: undefined for this pair (no unit coded by both, or a single category throughout).</source>
        <translation>α {undefined}: не определена для этой пары (нет единиц, закодированных обоими, или везде одна категория).</translation>
    </message>
    <message>
        <source>% {undefined}: not computed for this pair (no shared unit, or the unit has no percent agreement).</source>
        <translation>% {undefined}: не рассчитывается для этой пары (нет общих единиц, или для единицы нет процента согласия).</translation>
    </message>
    <message>
        <source>That post is no longer in the project.</source>
        <translation>Этого поста больше нет в проекте.</translation>
    </message>
    <message>
        <source>The post filter hid that post, so it was cleared.</source>
        <translation>Фильтр скрывал этот пост, поэтому он сброшен.</translation>
    </message>
    <message>
        <source>Presence (post × code)</source>
        <translation>Наличие (пост × код)</translation>
    </message>
    <message>
        <source>Post variable</source>
        <translation>Переменная поста</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>Символ</translation>
    </message>
    <message>
        <source>Matched segment</source>
        <translation>Сопоставленный фрагмент</translation>
    </message>
    <message>
        <source>Unitized (αᵤ)</source>
        <translation>По разметке (αᵤ)</translation>
    </message>
    <message>
        <source>One unit per post and code: did the coder apply the code anywhere in the post (yes or no).</source>
        <translation>Одна единица на пост и код: применил ли кодировщик код где-либо в посте (да или нет).</translation>
    </message>
    <message>
        <source>One unit per post and variable: the value each coder gave the post-level variable.</source>
        <translation>Одна единица на пост и переменную: значение переменной поста, которое дал каждый кодировщик.</translation>
    </message>
    <message>
        <source>One unit per character of a post and code: did the coder&apos;s spans cover that character (yes or no).</source>
        <translation>Одна единица на символ поста и код: покрыт ли этот символ фрагментами кодировщика (да или нет).</translation>
    </message>
    <message>
        <source>One unit per segment: spans of different coders are paired when they overlap enough (Jaccard ≥ threshold), else stand alone.</source>
        <translation>Одна единица на фрагмент: фрагменты разных кодировщиков объединяются в пару, если достаточно перекрываются (Жаккар ≥ порога), иначе учитываются отдельно.</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s unitized alpha on the spans themselves: where coders put boundaries counts, character by character.</source>
        <translation>Альфа Криппендорфа по разметке самих фрагментов: учитывается, где кодировщики ставят границы, символ за символом.</translation>
    </message>
    <message>
        <source>post × code units</source>
        <translation>единиц «пост × код»</translation>
    </message>
    <message>
        <source>post × variable units</source>
        <translation>единиц «пост × переменная»</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>символов</translation>
    </message>
    <message>
        <source>segments</source>
        <translation>фрагментов</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>постов</translation>
    </message>
    <message>
        <source>% agree</source>
        <translation>% согласия</translation>
    </message>
    <message>
        <source>αᵤ</source>
        <translation>αᵤ</translation>
    </message>
    <message>
        <source>κ</source>
        <translation>κ</translation>
    </message>
    <message>
        <source>π</source>
        <translation>π</translation>
    </message>
    <message>
        <source>AC1</source>
        <translation>AC1</translation>
    </message>
    <message>
        <source>BP</source>
        <translation>BP</translation>
    </message>
    <message>
        <source>Percent agreement: the share of agreeing coder pairs (not chance corrected)</source>
        <translation>Процент согласия: доля согласных пар кодировщиков (без поправки на случайность)</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha (nominal); tolerates missing values</source>
        <translation>Альфа Криппендорфа (номинальная); допускает пропуски</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s unitized alpha on the spans</source>
        <translation>Альфа Криппендорфа по разметке фрагментов</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa for two coders, Fleiss&apos; kappa for more</source>
        <translation>Каппа Коэна для двух кодировщиков, каппа Флейса для большего числа</translation>
    </message>
    <message>
        <source>Scott&apos;s pi</source>
        <translation>Пи Скотта</translation>
    </message>
    <message>
        <source>Gwet&apos;s AC1</source>
        <translation>AC1 Гвета</translation>
    </message>
    <message>
        <source>Brennan and Prediger&apos;s kappa (uniform chance)</source>
        <translation>Каппа Бреннана — Предигера (равновероятный случай)</translation>
    </message>
    <message>
        <source>Undefined: {reason}.</source>
        <translation>Не определено: {reason}.</translation>
    </message>
    <message>
        <source>{name}: computed on {units} units ({pairable} values).</source>
        <translation>{name}: рассчитано по единицам ({units}), значений: {pairable}.</translation>
    </message>
    <message>
        <source>{level:g} % bootstrap percentile interval from {resamples} resamples that gave a defined value.</source>
        <translation>{level:g} % бутстреп-процентильный интервал по выборкам с определённым значением ({resamples}).</translation>
    </message>
    <message>
        <source>all codebook versions</source>
        <translation>все версии кодовой книги</translation>
    </message>
    <message>
        <source>codebook version {version} only</source>
        <translation>только версия кодовой книги {version}</translation>
    </message>
    <message>
        <source>Unit: {name}. {explanation}</source>
        <translation>Единица: {name}. {explanation}</translation>
    </message>
    <message>
        <source>{posts} posts finished by at least two of {count} coders ({names}); {codes} codes; {version}.</source>
        <translation>Постов, завершённых хотя бы двумя из {count} кодировщиков ({names}): {posts}; кодов: {codes}; {version}.</translation>
    </message>
    <message>
        <source>{units} {noun} in all.</source>
        <translation>Всего {noun}: {units}.</translation>
    </message>
    <message>
        <source>Intervals from {resamples} bootstrap resamples (seed {seed}).</source>
        <translation>Интервалы по бутстреп-выборкам: {resamples} (зерно {seed}).</translation>
    </message>
    <message>
        <source>No confidence intervals.</source>
        <translation>Без доверительных интервалов.</translation>
    </message>
    <message>
        <source>Segments matched at Jaccard ≥ {threshold:g}.</source>
        <translation>Фрагменты сопоставлены при Жаккаре ≥ {threshold:g}.</translation>
    </message>
    <message>
        <source>Left out — {items}.</source>
        <translation>Исключено — {items}.</translation>
    </message>
    <message>
        <source>Nothing was left out.</source>
        <translation>Ничего не исключено.</translation>
    </message>
</context>
<context>
    <name>code_summary</name>
    <message>
        <source>single</source>
        <translation>один вариант</translation>
    </message>
    <message>
        <source>multiple</source>
        <translation>несколько вариантов</translation>
    </message>
    <message>
        <source>ordinal</source>
        <translation>порядковая</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>да/нет</translation>
    </message>
    <message>
        <source>number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>Span code</source>
        <translation>Код фрагментов</translation>
    </message>
    <message>
        <source>Variable ({type})</source>
        <translation>Переменная ({type})</translation>
    </message>
    <message>
        <source>key {key}</source>
        <translation>клавиша {key}</translation>
    </message>
    <message>
        <source>Include: {text}</source>
        <translation>Включать: {text}</translation>
    </message>
    <message>
        <source>Exclude: {text}</source>
        <translation>Исключать: {text}</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>Примеры:</translation>
    </message>
    <message>
        <source>Levels: {levels}</source>
        <translation>Уровни: {levels}</translation>
    </message>
    <message>
        <source>e.g. {examples}</source>
        <translation>например: {examples}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>“{path}” was saved by a newer version of Annotator (schema version {found}; this version reads up to {supported}). Please update Annotator. The file was not changed.</source>
        <translation>«{path}» сохранён более новой версией Annotator (версия схемы {found}; эта версия читает до {supported}). Обновите Annotator. Файл не изменён.</translation>
    </message>
    <message>
        <source>“{path}” is not an Annotator project ({reason}). The file was not changed.</source>
        <translation>«{path}» не является проектом Annotator ({reason}). Файл не изменён.</translation>
    </message>
    <message>
        <source>The project “{path}” does not exist (it may have been moved or deleted).</source>
        <translation>Проект «{path}» не существует (возможно, его переместили или удалили).</translation>
    </message>
    <message>
        <source>“{path}” already exists; a new project needs a new file name.</source>
        <translation>«{path}» уже существует; для нового проекта нужно новое имя файла.</translation>
    </message>
    <message>
        <source>Annotator does not recognise the format of “{path}”: {reason}.</source>
        <translation>Annotator не распознаёт формат «{path}»: {reason}.</translation>
    </message>
    <message>
        <source>Cannot import “{path}”, line {line}: {reason}.</source>
        <translation>Не удаётся импортировать «{path}», строка {line}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot import “{path}”: {reason}.</source>
        <translation>Не удаётся импортировать «{path}»: {reason}.</translation>
    </message>
    <message>
        <source>{count} row(s) of “{path}” are invalid, so nothing was imported. First problem: {first}.</source>
        <translation>В «{path}» есть ошибочные строки ({count}), поэтому ничего не импортировано. Первая проблема: {first}.</translation>
    </message>
    <message>
        <source>The change was refused: {reason}.</source>
        <translation>Изменение отклонено: {reason}.</translation>
    </message>
    <message>
        <source>The operation was cancelled; nothing was changed.</source>
        <translation>Операция отменена; ничего не изменено.</translation>
    </message>
    <message>
        <source>Cannot read or write “{path}”: {reason}.</source>
        <translation>Не удаётся прочитать или записать «{path}»: {reason}.</translation>
    </message>
    <message>
        <source>Something went wrong that Annotator did not expect ({kind}). Please report it with the details below.</source>
        <translation>Произошла непредвиденная ошибка ({kind}). Сообщите о ней, приложив подробности ниже.</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Annotator: unexpected problem</source>
        <translation>Annotator: непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Annotator ran into a problem it did not expect ({kind}), so what you just did may not have been completed.</source>
        <translation>В Annotator произошла непредвиденная ошибка ({kind}), поэтому последнее действие могло не завершиться.</translation>
    </message>
    <message>
        <source>Your work is saved: Annotator stores every change in the project file the moment you make it. You can carry on; if the problem comes back, restart Annotator. To help fix it, click “Copy report” and send the report to the developers.</source>
        <translation>Ваша работа сохранена: Annotator записывает каждое изменение в файл проекта в момент его внесения. Можно продолжать работу; если ошибка повторится, перезапустите Annotator. Чтобы помочь её исправить, нажмите «Копировать отчёт» и отправьте отчёт разработчикам.</translation>
    </message>
    <message>
        <source>The log is in “{folder}”.</source>
        <translation>Журнал находится в «{folder}».</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Копировать отчёт</translation>
    </message>
    <message>
        <source>Report copied</source>
        <translation>Отчёт скопирован</translation>
    </message>
</context>
<context>
    <name>export_scope</name>
    <message>
        <source>text contains “{text}”</source>
        <translation>текст содержит «{text}»</translation>
    </message>
    <message>
        <source>channel: {title}</source>
        <translation>канал: {title}</translation>
    </message>
    <message>
        <source>has code: {code}</source>
        <translation>есть код: {code}</translation>
    </message>
    <message>
        <source>status of {coder}: {status}</source>
        <translation>статус у {coder}: {status}</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>не начат</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <source>done</source>
        <translation>готов</translation>
    </message>
</context>
<context>
    <name>export_summary</name>
    <message>
        <source>{count} CSV file(s) were saved in “{path}”.</source>
        <translation>Файлы CSV ({count}) сохранены в «{path}».</translation>
    </message>
    <message>
        <source>The export was saved as “{path}”.</source>
        <translation>Экспорт сохранён как «{path}».</translation>
    </message>
    <message>
        <source>Rows: {rows}.</source>
        <translation>Строк: {rows}.</translation>
    </message>
    <message>
        <source>Not exported: {warning}</source>
        <translation>Не экспортировано: {warning}</translation>
    </message>
</context>
<context>
    <name>formats</name>
    <message>
        <source>Telegram Desktop export (JSON)</source>
        <translation>Экспорт Telegram Desktop (JSON)</translation>
    </message>
    <message>
        <source>Telegram Desktop export (HTML)</source>
        <translation>Экспорт Telegram Desktop (HTML)</translation>
    </message>
    <message>
        <source>Saved t.me/s web pages (HTML)</source>
        <translation>Сохранённые веб-страницы t.me/s (HTML)</translation>
    </message>
    <message>
        <source>Table of posts (CSV or XLSX)</source>
        <translation>Таблица постов (CSV или XLSX)</translation>
    </message>
    <message>
        <source>Telegram web preview (text copy)</source>
        <translation>Веб-превью Telegram (копия текста)</translation>
    </message>
</context>
<context>
    <name>highlighter</name>
    <message>
        <source>(unknown)</source>
        <translation>(неизвестно)</translation>
    </message>
    <message>
        <source>Memo ({coder}): {memo}</source>
        <translation>Заметка ({coder}): {memo}</translation>
    </message>
</context>
<context>
    <name>import_report</name>
    <message>
        <source>Imported {files} file(s): {added} post(s) added, {duplicates} duplicate(s) skipped.</source>
        <translation>Импортировано файлов: {files}; добавлено постов: {added}, пропущено дубликатов: {duplicates}.</translation>
    </message>
    <message>
        <source>{count} warning(s); see the details.</source>
        <translation>Предупреждений: {count}; см. подробности.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
</context>
<context>
    <name>qdpx_report</name>
    <message>
        <source>REFI-QDA project imported</source>
        <translation>Проект REFI-QDA импортирован</translation>
    </message>
    <message>
        <source>Imported {texts} text(s) as posts, {codes} code(s), {coders} coder(s) and {selections} coded segment(s) from “{name}”.</source>
        <translation>Из «{name}» импортировано: текстов (как постов) — {texts}, кодов — {codes}, кодировщиков — {coders}, закодированных фрагментов — {selections}.</translation>
    </message>
    <message>
        <source>It was made by {origin}.</source>
        <translation>Он создан в {origin}.</translation>
    </message>
</context>
</TS>
