<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;New project…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Open project…</translation>
    </message>
    <message>
        <source>Open &amp;demo project</source>
        <translation>Open &amp;demo project</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>Import e&amp;xport folder…</source>
        <translation>Import e&amp;xport folder…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Import REFI-QDA pro&amp;ject (.qdpx)…</source>
        <translation>Import REFI-QDA pro&amp;ject (.qdpx)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>Open bac&amp;kups folder</source>
        <translation>Open bac&amp;kups folder</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>&amp;Close project</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Next post</source>
        <translation>&amp;Next post</translation>
    </message>
    <message>
        <source>&amp;Previous post</source>
        <translation>&amp;Previous post</translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation>&amp;Agreement…</translation>
    </message>
    <message>
        <source>&amp;About Annotator</source>
        <translation>&amp;About Annotator</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Codebook</source>
        <translation>&amp;Codebook</translation>
    </message>
    <message>
        <source>C&amp;oding</source>
        <translation>C&amp;oding</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>AdjudicationLink</name>
    <message>
        <source>A&amp;djudicate…</source>
        <translation>A&amp;djudicate…</translation>
    </message>
    <message>
        <source>Settle the coders&apos; disagreements into the adjudicated (gold) layer</source>
        <translation>Settle the coders&apos; disagreements into the adjudicated (gold) layer</translation>
    </message>
</context>
<context>
    <name>AdjudicationWindow</name>
    <message>
        <source>Adjudication</source>
        <translation>Adjudication</translation>
    </message>
    <message>
        <source>Adjudication — {name}</source>
        <translation>Adjudication — {name}</translation>
    </message>
    <message>
        <source>Adjudicated</source>
        <translation>Adjudicated</translation>
    </message>
    <message>
        <source>Every disagreement is decided.</source>
        <translation>Every disagreement is decided.</translation>
    </message>
    <message>
        <source>Select text in a column first.</source>
        <translation>Select text in a column first.</translation>
    </message>
    <message>
        <source>Choose a post on the left.</source>
        <translation>Choose a post on the left.</translation>
    </message>
    <message>
        <source>No post was finished by two or more coders yet: there is nothing to adjudicate.</source>
        <translation>No post was finished by two or more coders yet: there is nothing to adjudicate.</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <source>Post {label} · {channel} · {date}
Finished by {coders} · {open} of {total} disagreements open · agreed codes adopted: {seeded} of {agreed}</source>
        <translation>Post {label} · {channel} · {date}
Finished by {coders} · {open} of {total} disagreements open · agreed codes adopted: {seeded} of {agreed}</translation>
    </message>
    <message>
        <source>Deciding as {name}</source>
        <translation>Deciding as {name}</translation>
    </message>
    <message>
        <source>Choose who you are in the main window (Coding → Switch coder…) to decide.</source>
        <translation>Choose who you are in the main window (Coding → Switch coder…) to decide.</translation>
    </message>
    <message>
        <source>Show in &amp;workspace</source>
        <translation>Show in &amp;workspace</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Add selection</source>
        <translation>Add selection</translation>
    </message>
    <message>
        <source>Remove span</source>
        <translation>Remove span</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
</context>
<context>
    <name>AgreementWindow</name>
    <message>
        <source>Agreement</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>&amp;Compute</translation>
    </message>
    <message>
        <source>Compute the report (Ctrl+Return)</source>
        <translation>Compute the report (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop the computation (Esc)</source>
        <translation>Stop the computation (Esc)</translation>
    </message>
    <message>
        <source>Agreement — {name}</source>
        <translation>Agreement — {name}</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>Cancelled. The report shown (if any) is the previous one.</source>
        <translation>Cancelled. The report shown (if any) is the previous one.</translation>
    </message>
    <message>
        <source>The coding changed since this report: press Compute to update it.</source>
        <translation>The coding changed since this report: press Compute to update it.</translation>
    </message>
    <message>
        <source>The options changed: press Compute to update the report.</source>
        <translation>The options changed: press Compute to update the report.</translation>
    </message>
    <message>
        <source>The report shown matches these options.</source>
        <translation>The report shown matches these options.</translation>
    </message>
    <message>
        <source>Computed: {rows} rows, {count} disagreements.</source>
        <translation>Computed: {rows} rows, {count} disagreements.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The report could not be computed.</source>
        <translation>The report could not be computed.</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign posts</source>
        <translation>Assign posts</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Coders</translation>
    </message>
    <message>
        <source>New coder: type a name</source>
        <translation>New coder: type a name</translation>
    </message>
    <message>
        <source>Add coder</source>
        <translation>Add coder</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>All posts ({count})</source>
        <translation>All posts ({count})</translation>
    </message>
    <message>
        <source>Posts of the current filter ({count})</source>
        <translation>Posts of the current filter ({count})</translation>
    </message>
    <message>
        <source>Posts of the current filter (none is set in the post list)</source>
        <translation>Posts of the current filter (none is set in the post list)</translation>
    </message>
    <message>
        <source>Only posts number</source>
        <translation>Only posts number</translation>
    </message>
    <message>
        <source>Random sample of</source>
        <translation>Random sample of</translation>
    </message>
    <message>
        <source> posts</source>
        <translation> posts</translation>
    </message>
    <message>
        <source>Also reassign posts already assigned (their earlier assignments are dropped)</source>
        <translation>Also reassign posts already assigned (their earlier assignments are dropped)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Reliability sample (coded by several coders)</source>
        <translation>Reliability sample (coded by several coders)</translation>
    </message>
    <message>
        <source>% of the posts</source>
        <translation>% of the posts</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>posts</translation>
    </message>
    <message>
        <source>Coded by every chosen coder</source>
        <translation>Coded by every chosen coder</translation>
    </message>
    <message>
        <source>Coded by</source>
        <translation>Coded by</translation>
    </message>
    <message>
        <source> coders each</source>
        <translation> coders each</translation>
    </message>
    <message>
        <source>Stratify by channel (each channel gives its share of the sample)</source>
        <translation>Stratify by channel (each channel gives its share of the sample)</translation>
    </message>
    <message>
        <source>The same choices and seed give the same plan</source>
        <translation>The same choices and seed give the same plan</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>New seed</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <source>Coders:</source>
        <translation>Coders:</translation>
    </message>
    <message>
        <source>Random seed:</source>
        <translation>Random seed:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Coder</translation>
    </message>
    <message>
        <source>Of which reliability</source>
        <translation>Of which reliability</translation>
    </message>
    <message>
        <source>{name} (new)</source>
        <translation>{name} (new)</translation>
    </message>
    <message>
        <source>{posts} posts, {count} assignments.</source>
        <translation>{posts} posts, {count} assignments.</translation>
    </message>
    <message>
        <source>Reliability sample: {posts} posts, each coded by {k} coders.</source>
        <translation>Reliability sample: {posts} posts, each coded by {k} coders.</translation>
    </message>
    <message>
        <source>{count} posts already assigned are left out.</source>
        <translation>{count} posts already assigned are left out.</translation>
    </message>
    <message>
        <source>{count} posts already assigned are assigned anew.</source>
        <translation>{count} posts already assigned are assigned anew.</translation>
    </message>
</context>
<context>
    <name>AssignedPostsDelegate</name>
    <message>
        <source>to do</source>
        <translation>to do</translation>
    </message>
    <message>
        <source>Assigned to you</source>
        <translation>Assigned to you</translation>
    </message>
</context>
<context>
    <name>AssignmentWorkspace</name>
    <message>
        <source>&amp;Assign posts…</source>
        <translation>&amp;Assign posts…</translation>
    </message>
    <message>
        <source>Assign&amp;ments…</source>
        <translation>Assign&amp;ments…</translation>
    </message>
    <message>
        <source>Assigned {posts} posts to {coders} coders.</source>
        <translation>Assigned {posts} posts to {coders} coders.</translation>
    </message>
    <message>
        <source>Assigned: {assigned} · done {done} · {percent}%</source>
        <translation>Assigned: {assigned} · done {done} · {percent}%</translation>
    </message>
</context>
<context>
    <name>AssignmentsDialog</name>
    <message>
        <source>Assignments</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Coder</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Reliability</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Done %</source>
        <translation>Done %</translation>
    </message>
    <message>
        <source>Assigned on (UTC)</source>
        <translation>Assigned on (UTC)</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>Reliability posts</source>
        <translation>Reliability posts</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Coders</translation>
    </message>
    <message>
        <source>Remove batch</source>
        <translation>Remove batch</translation>
    </message>
    <message>
        <source>Remove the selected batch&apos;s assignments (the coding done stays; Undo brings them back)</source>
        <translation>Remove the selected batch&apos;s assignments (the coding done stays; Undo brings them back)</translation>
    </message>
    <message>
        <source>Nothing is assigned yet: use Team → Assign posts…</source>
        <translation>Nothing is assigned yet: use Team → Assign posts…</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>A backup is being written already.</source>
        <translation>A backup is being written already.</translation>
    </message>
    <message>
        <source>Backed up to “{path}”.</source>
        <translation>Backed up to “{path}”.</translation>
    </message>
    <message>
        <source>Automatic backup failed: {reason}</source>
        <translation>Automatic backup failed: {reason}</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>Backed up {time}</source>
        <translation>Backed up {time}</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>No backup yet</translation>
    </message>
    <message>
        <source>Automatic backups every {minutes} minutes while you work, keeping the {keep} newest and one a day for the last {days} days.</source>
        <translation>Automatic backups every {minutes} minutes while you work, keeping the {keep} newest and one a day for the last {days} days.</translation>
    </message>
    <message>
        <source>Automatic backups are off (Edit → Preferences…).</source>
        <translation>Automatic backups are off (Edit → Preferences…).</translation>
    </message>
    <message>
        <source>Backups folder: {folder}</source>
        <translation>Backups folder: {folder}</translation>
    </message>
    <message>
        <source>The last backup failed: {reason}</source>
        <translation>The last backup failed: {reason}</translation>
    </message>
</context>
<context>
    <name>BooleanEditor</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>not coded</source>
        <translation>not coded</translation>
    </message>
    <message>
        <source>Click for yes, again for no</source>
        <translation>Click for yes, again for no</translation>
    </message>
</context>
<context>
    <name>ChangelogDialog</name>
    <message>
        <source>Codebook changelog</source>
        <translation>Codebook changelog</translation>
    </message>
    <message>
        <source>Codebook version {version}; {count} change(s) recorded.</source>
        <translation>Codebook version {version}; {count} change(s) recorded.</translation>
    </message>
</context>
<context>
    <name>ChangelogModel</name>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>ChatListModel</name>
    <message>
        <source>{label} — private</source>
        <translation>{label} — private</translation>
    </message>
    <message>
        <source>A personal chat or private group: imported only when ticked.</source>
        <translation>A personal chat or private group: imported only when ticked.</translation>
    </message>
</context>
<context>
    <name>ChatSection</name>
    <message>
        <source>Tick &amp;all</source>
        <translation>Tick &amp;all</translation>
    </message>
    <message>
        <source>Tick n&amp;one</source>
        <translation>Tick n&amp;one</translation>
    </message>
    <message>
        <source>Chats in “{name}”: tick the ones to import</source>
        <translation>Chats in “{name}”: tick the ones to import</translation>
    </message>
</context>
<context>
    <name>CodeTreeModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
</context>
<context>
    <name>CodebookDocks</name>
    <message>
        <source>Codebook</source>
        <translation>Codebook</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Change&amp;log…</source>
        <translation>Change&amp;log…</translation>
    </message>
    <message>
        <source>codebook v{version}</source>
        <translation>codebook v{version}</translation>
    </message>
</context>
<context>
    <name>CodebookFiles</name>
    <message>
        <source>&amp;Load codebook file…</source>
        <translation>&amp;Load codebook file…</translation>
    </message>
    <message>
        <source>&amp;Export codebook…</source>
        <translation>&amp;Export codebook…</translation>
    </message>
    <message>
        <source>Codebook not loaded</source>
        <translation>Codebook not loaded</translation>
    </message>
    <message>
        <source>“{name}” has {count} problem(s); the codebook was not changed.</source>
        <translation>“{name}” has {count} problem(s); the codebook was not changed.</translation>
    </message>
    <message>
        <source>Load codebook file</source>
        <translation>Load codebook file</translation>
    </message>
    <message>
        <source>Codebooks (*.yaml *.yml *.json *.qdc);;REFI-QDA codebook (*.qdc);;All files (*)</source>
        <translation>Codebooks (*.yaml *.yml *.json *.qdc);;REFI-QDA codebook (*.qdc);;All files (*)</translation>
    </message>
    <message>
        <source>Export codebook</source>
        <translation>Export codebook</translation>
    </message>
    <message>
        <source>Codebook exported</source>
        <translation>Codebook exported</translation>
    </message>
    <message>
        <source>Written. What this format could not carry:
{notes}</source>
        <translation>Written. What this format could not carry:
{notes}</translation>
    </message>
</context>
<context>
    <name>CodebookLoadDialog</name>
    <message>
        <source>Load codebook</source>
        <translation>Load codebook</translation>
    </message>
    <message>
        <source>Loading “{name}” makes the project&apos;s codebook equal to the file. This is recorded in the changelog and cannot be undone with Undo.</source>
        <translation>Loading “{name}” makes the project&apos;s codebook equal to the file. This is recorded in the changelog and cannot be undone with Undo.</translation>
    </message>
    <message>
        <source>What the file format could not carry:</source>
        <translation>What the file format could not carry:</translation>
    </message>
    <message>
        <source>Move their annotations to:</source>
        <translation>Move their annotations to:</translation>
    </message>
    <message>
        <source>Delete their annotations</source>
        <translation>Delete their annotations</translation>
    </message>
    <message>
        <source>The file removes codes that carry coded work: {codes}. Where should it go?</source>
        <translation>The file removes codes that carry coded work: {codes}. Where should it go?</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Load</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <source>Filter codes…</source>
        <translation>Filter codes…</translation>
    </message>
    <message>
        <source>More</source>
        <translation>More</translation>
    </message>
    <message>
        <source>Add code</source>
        <translation>Add code</translation>
    </message>
    <message>
        <source>Add subcode</source>
        <translation>Add subcode</translation>
    </message>
    <message>
        <source>&amp;Add code…</source>
        <translation>&amp;Add code…</translation>
    </message>
    <message>
        <source>Add &amp;subcode…</source>
        <translation>Add &amp;subcode…</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Colour…</translation>
    </message>
    <message>
        <source>Short&amp;cut…</source>
        <translation>Short&amp;cut…</translation>
    </message>
    <message>
        <source>Edit &amp;definition…</source>
        <translation>Edit &amp;definition…</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>&amp;Merge into…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>Add a code at the top level</source>
        <translation>Add a code at the top level</translation>
    </message>
    <message>
        <source>Add a code under the selected code</source>
        <translation>Add a code under the selected code</translation>
    </message>
</context>
<context>
    <name>CodebookPrompts</name>
    <message>
        <source>Delete “{path}”? {annotations} annotation(s) and {values} post value(s) on {codes} code(s) will be deleted.</source>
        <translation>Delete “{path}”? {annotations} annotation(s) and {values} post value(s) on {codes} code(s) will be deleted.</translation>
    </message>
    <message>
        <source>Name of the new code:</source>
        <translation>Name of the new code:</translation>
    </message>
    <message>
        <source>Name of the new subcode of “{path}”:</source>
        <translation>Name of the new subcode of “{path}”:</translation>
    </message>
    <message>
        <source>Colour of “{name}”</source>
        <translation>Colour of “{name}”</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Delete code</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>You can undo this with Edit → Undo.</source>
        <translation>You can undo this with Edit → Undo.</translation>
    </message>
</context>
<context>
    <name>CoderChoice</name>
    <message>
        <source>Coder package</source>
        <translation>Coder package</translation>
    </message>
    <message>
        <source>This file is a coder package for {name}: it is coded as {name} only. Your work goes back into the main project when the package is merged.</source>
        <translation>This file is a coder package for {name}: it is coded as {name} only. Your work goes back into the main project when the package is merged.</translation>
    </message>
</context>
<context>
    <name>CoderDialog</name>
    <message>
        <source>Who is coding?</source>
        <translation>Who is coding?</translation>
    </message>
    <message>
        <source>Choose your coder profile for “{project}”. Your annotations, post values and progress are kept under this name; it is remembered on this computer.</source>
        <translation>Choose your coder profile for “{project}”. Your annotations, post values and progress are kept under this name; it is remembered on this computer.</translation>
    </message>
    <message>
        <source>New coder: type a name</source>
        <translation>New coder: type a name</translation>
    </message>
    <message>
        <source>Coders of this project:</source>
        <translation>Coders of this project:</translation>
    </message>
    <message>
        <source>Or a new coder:</source>
        <translation>Or a new coder:</translation>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <source>Choose a coder first (Coding → Switch coder…).</source>
        <translation>Choose a coder first (Coding → Switch coder…).</translation>
    </message>
    <message>
        <source>“{name}” is a post-level variable: set it in the Post variables panel.</source>
        <translation>“{name}” is a post-level variable: set it in the Post variables panel.</translation>
    </message>
    <message>
        <source>Select text to code, or click one of your annotations.</source>
        <translation>Select text to code, or click one of your annotations.</translation>
    </message>
    <message>
        <source>The annotation cannot grow or shrink further.</source>
        <translation>The annotation cannot grow or shrink further.</translation>
    </message>
    <message>
        <source>&amp;Delete annotation</source>
        <translation>&amp;Delete annotation</translation>
    </message>
    <message>
        <source>&amp;Memo…</source>
        <translation>&amp;Memo…</translation>
    </message>
    <message>
        <source>Deselect annotation</source>
        <translation>Deselect annotation</translation>
    </message>
    <message>
        <source>Extend end</source>
        <translation>Extend end</translation>
    </message>
    <message>
        <source>Shrink end</source>
        <translation>Shrink end</translation>
    </message>
    <message>
        <source>Extend start</source>
        <translation>Extend start</translation>
    </message>
    <message>
        <source>Shrink start</source>
        <translation>Shrink start</translation>
    </message>
</context>
<context>
    <name>CodingPrompts</name>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Memo on “{quote}” ({code}):</source>
        <translation>Memo on “{quote}” ({code}):</translation>
    </message>
</context>
<context>
    <name>CodingWorkspace</name>
    <message>
        <source>Post variables</source>
        <translation>Post variables</translation>
    </message>
    <message>
        <source>Every post is done.</source>
        <translation>Every post is done.</translation>
    </message>
    <message>
        <source>No coder chosen</source>
        <translation>No coder chosen</translation>
    </message>
    <message>
        <source>{coder}: {done} of {total} posts done</source>
        <translation>{coder}: {done} of {total} posts done</translation>
    </message>
    <message>
        <source>Mark &amp;done and next post</source>
        <translation>Mark &amp;done and next post</translation>
    </message>
    <message>
        <source>Next post &amp;not done</source>
        <translation>Next post &amp;not done</translation>
    </message>
    <message>
        <source>&amp;Switch coder…</source>
        <translation>&amp;Switch coder…</translation>
    </message>
    <message>
        <source>&amp;Blind mode (hide other coders)</source>
        <translation>&amp;Blind mode (hide other coders)</translation>
    </message>
    <message>
        <source>S&amp;nap selections to words</source>
        <translation>S&amp;nap selections to words</translation>
    </message>
    <message>
        <source>Adjust &amp;boundaries</source>
        <translation>Adjust &amp;boundaries</translation>
    </message>
</context>
<context>
    <name>ColumnTable</name>
    <message>
        <source>— metadata —</source>
        <translation>— metadata —</translation>
    </message>
    <message>
        <source>— ignored —</source>
        <translation>— ignored —</translation>
    </message>
    <message>
        <source>Not a post field: stored with each post as metadata under the column&apos;s name.</source>
        <translation>Not a post field: stored with each post as metadata under the column&apos;s name.</translation>
    </message>
    <message>
        <source>Left out of the import.</source>
        <translation>Left out of the import.</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>agreed, not yet adopted</source>
        <translation>agreed, not yet adopted</translation>
    </message>
    <message>
        <source>not decided</source>
        <translation>not decided</translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <source>Accept all</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>Reject (R)</translation>
    </message>
    <message>
        <source>The adjudicated version has no spans (or no value) for this code on this post</source>
        <translation>The adjudicated version has no spans (or no value) for this code on this post</translation>
    </message>
    <message>
        <source>Next open (N)</source>
        <translation>Next open (N)</translation>
    </message>
    <message>
        <source>Note for the decision log (optional)</source>
        <translation>Note for the decision log (optional)</translation>
    </message>
    <message>
        <source>Go to the next open item after deciding</source>
        <translation>Go to the next open item after deciding</translation>
    </message>
    <message>
        <source>Accept {name}</source>
        <translation>Accept {name}</translation>
    </message>
    <message>
        <source>Take {name}&apos;s version</source>
        <translation>Take {name}&apos;s version</translation>
    </message>
    <message>
        <source>Accept both</source>
        <translation>Accept both</translation>
    </message>
    <message>
        <source>Take the union of every coder&apos;s spans: a span several coders marked is kept once; overlapping spans are kept as they are</source>
        <translation>Take the union of every coder&apos;s spans: a span several coders marked is kept once; overlapping spans are kept as they are</translation>
    </message>
</context>
<context>
    <name>DefinitionDialog</name>
    <message>
        <source>Definition of “{path}”</source>
        <translation>Definition of “{path}”</translation>
    </message>
    <message>
        <source>Text spans (span code)</source>
        <translation>Text spans (span code)</translation>
    </message>
    <message>
        <source>Whole post (variable)</source>
        <translation>Whole post (variable)</translation>
    </message>
    <message>
        <source>Applies to:</source>
        <translation>Applies to:</translation>
    </message>
    <message>
        <source>Variable type:</source>
        <translation>Variable type:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Include when:</source>
        <translation>Include when:</translation>
    </message>
    <message>
        <source>Exclude when:</source>
        <translation>Exclude when:</translation>
    </message>
    <message>
        <source>Examples
(one per line):</source>
        <translation>Examples
(one per line):</translation>
    </message>
    <message>
        <source>Levels
(one per line):</source>
        <translation>Levels
(one per line):</translation>
    </message>
    <message>
        <source>Memo:</source>
        <translation>Memo:</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Single choice</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Multiple choice</translation>
    </message>
    <message>
        <source>Ordinal (levels low to high)</source>
        <translation>Ordinal (levels low to high)</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>Yes / no</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>DefinitionPanel</name>
    <message>
        <source>Select a code to see its definition.</source>
        <translation>Select a code to see its definition.</translation>
    </message>
    <message>
        <source>key {key}</source>
        <translation>key {key}</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>no key</translation>
    </message>
    <message>
        <source>no colour</source>
        <translation>no colour</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Include when</source>
        <translation>Include when</translation>
    </message>
    <message>
        <source>Exclude when</source>
        <translation>Exclude when</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Examples</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Levels</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>No definition yet.</source>
        <translation>No definition yet.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;All posts ({count})</source>
        <translation>&amp;All posts ({count})</translation>
    </message>
    <message>
        <source>Coders to export</source>
        <translation>Coders to export</translation>
    </message>
    <message>
        <source>Include the a&amp;greement sheet (when two or more coders finished the same posts)</source>
        <translation>Include the a&amp;greement sheet (when two or more coders finished the same posts)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Choose where to save the export.</translation>
    </message>
    <message>
        <source>Choose at least one coder.</source>
        <translation>Choose at least one coder.</translation>
    </message>
    <message>
        <source>“{name}” is a file, not a folder.</source>
        <translation>“{name}” is a file, not a folder.</translation>
    </message>
    <message>
        <source>“{name}” is a file; CSV files go into a folder.</source>
        <translation>“{name}” is a file; CSV files go into a folder.</translation>
    </message>
    <message>
        <source>“{name}” is a folder; choose a file name.</source>
        <translation>“{name}” is a folder; choose a file name.</translation>
    </message>
    <message>
        <source>REFI-QDA projects carry no agreement table.</source>
        <translation>REFI-QDA projects carry no agreement table.</translation>
    </message>
    <message>
        <source>Export CSV files into folder</source>
        <translation>Export CSV files into folder</translation>
    </message>
    <message>
        <source>The folder “{name}” already holds files. Files with the names the export uses will be replaced.</source>
        <translation>The folder “{name}” already holds files. Files with the names the export uses will be replaced.</translation>
    </message>
    <message>
        <source>“{name}” already exists. Replace it?</source>
        <translation>“{name}” already exists. Replace it?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <source>{name} (adjudicated layer)</source>
        <translation>{name} (adjudicated layer)</translation>
    </message>
    <message>
        <source>(no coders yet)</source>
        <translation>(no coders yet)</translation>
    </message>
    <message>
        <source>Only the posts of the current &amp;filter</source>
        <translation>Only the posts of the current &amp;filter</translation>
    </message>
    <message>
        <source>The post list is not filtered.</source>
        <translation>The post list is not filtered.</translation>
    </message>
    <message>
        <source>Only the posts of the current &amp;filter ({count})</source>
        <translation>Only the posts of the current &amp;filter ({count})</translation>
    </message>
    <message>
        <source>E&amp;xcel workbook (.xlsx)</source>
        <translation>E&amp;xcel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>Styled sheets for reading and analysis: posts, annotations, variables, code matrix, agreement, codebook.</source>
        <translation>Styled sheets for reading and analysis: posts, annotations, variables, code matrix, agreement, codebook.</translation>
    </message>
    <message>
        <source>&amp;CSV folder</source>
        <translation>&amp;CSV folder</translation>
    </message>
    <message>
        <source>The same tables as UTF-8 CSV files, plus per-code reliability matrices for R and Python.</source>
        <translation>The same tables as UTF-8 CSV files, plus per-code reliability matrices for R and Python.</translation>
    </message>
    <message>
        <source>&amp;REFI-QDA project (.qdpx)</source>
        <translation>&amp;REFI-QDA project (.qdpx)</translation>
    </message>
    <message>
        <source>Texts, codebook, coders and coded segments for other QDA tools (ATLAS.ti, MAXQDA, NVivo, QualCoder).</source>
        <translation>Texts, codebook, coders and coded segments for other QDA tools (ATLAS.ti, MAXQDA, NVivo, QualCoder).</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>REFI-QDA projects (*.qdpx)</translation>
    </message>
    <message>
        <source>Save &amp;to</source>
        <translation>Save &amp;to</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>C&amp;oders</source>
        <translation>C&amp;oders</translation>
    </message>
</context>
<context>
    <name>ExportSummaryBox</name>
    <message>
        <source>Export finished</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <source>&amp;Open file</source>
        <translation>&amp;Open file</translation>
    </message>
    <message>
        <source>&amp;Show in folder</source>
        <translation>&amp;Show in folder</translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exporting to “{name}”…</source>
        <translation>Exporting to “{name}”…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Importing “{name}”…</source>
        <translation>Importing “{name}”…</translation>
    </message>
    <message>
        <source>Import REFI-QDA project</source>
        <translation>Import REFI-QDA project</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>REFI-QDA projects (*.qdpx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Save the new project as</source>
        <translation>Save the new project as</translation>
    </message>
    <message>
        <source>Annotator projects (*{suffix})</source>
        <translation>Annotator projects (*{suffix})</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>Import cancelled; no project was made.</source>
        <translation>Import cancelled; no project was made.</translation>
    </message>
</context>
<context>
    <name>GoldPanel</name>
    <message>
        <source>&amp;Add selection</source>
        <translation>&amp;Add selection</translation>
    </message>
    <message>
        <source>Add the text selected in any column to the adjudicated version (E)</source>
        <translation>Add the text selected in any column to the adjudicated version (E)</translation>
    </message>
    <message>
        <source>Re&amp;move span</source>
        <translation>Re&amp;move span</translation>
    </message>
    <message>
        <source>Remove the span chosen in the list (Delete)</source>
        <translation>Remove the span chosen in the list (Delete)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>{name} of the chosen span, in characters (code points) from the start of the post</source>
        <translation>{name} of the chosen span, in characters (code points) from the start of the post</translation>
    </message>
    <message>
        <source>Set &amp;offsets</source>
        <translation>Set &amp;offsets</translation>
    </message>
    <message>
        <source>Adjudicated value:</source>
        <translation>Adjudicated value:</translation>
    </message>
    <message>
        <source>Offsets:</source>
        <translation>Offsets:</translation>
    </message>
    <message>
        <source>Adjudicated</source>
        <translation>Adjudicated</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import posts</source>
        <translation>Import posts</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Add &amp;files…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>Add f&amp;older…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Add the files or folders to import.</source>
        <translation>Add the files or folders to import.</translation>
    </message>
    <message>
        <source>{reason} Remove it, or choose its format.</source>
        <translation>{reason} Remove it, or choose its format.</translation>
    </message>
    <message>
        <source>Reading “{name}”…</source>
        <translation>Reading “{name}”…</translation>
    </message>
    <message>
        <source>“{name}” and “{other}” both hold several chats; import them one at a time to choose their chats.</source>
        <translation>“{name}” and “{other}” both hold several chats; import them one at a time to choose their chats.</translation>
    </message>
    <message>
        <source>Tick at least one chat to import.</source>
        <translation>Tick at least one chat to import.</translation>
    </message>
    <message>
        <source>Add files to import</source>
        <translation>Add files to import</translation>
    </message>
    <message>
        <source>Add an export folder</source>
        <translation>Add an export folder</translation>
    </message>
    <message>
        <source>Reading the inputs…</source>
        <translation>Reading the inputs…</translation>
    </message>
    <message>
        <source>Reading stopped: the import will check the inputs itself.</source>
        <translation>Reading stopped: the import will check the inputs itself.</translation>
    </message>
    <message>
        <source>&amp;Stop reading</source>
        <translation>&amp;Stop reading</translation>
    </message>
    <message>
        <source>&amp;Read again</source>
        <translation>&amp;Read again</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>Telegram exports and tables (*.json *.html *.htm *.txt *.csv *.tsv *.xlsx);;All files (*)</source>
        <translation>Telegram exports and tables (*.json *.html *.htm *.txt *.csv *.tsv *.xlsx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ImportRun</name>
    <message>
        <source>Importing {count} file(s)…</source>
        <translation>Importing {count} file(s)…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>InputListModel</name>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>Reading… {percent}%</source>
        <translation>Reading… {percent}%</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>Not read (cancelled)</source>
        <translation>Not read (cancelled)</translation>
    </message>
    <message>
        <source>{count} chats: choose below</source>
        <translation>{count} chats: choose below</translation>
    </message>
    <message>
        <source>Chat: {label}</source>
        <translation>Chat: {label}</translation>
    </message>
    <message>
        <source>{columns} column(s); preset: {name}</source>
        <translation>{columns} column(s); preset: {name}</translation>
    </message>
    <message>
        <source>{columns} column(s); no preset matched</source>
        <translation>{columns} column(s); no preset matched</translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <source>Codes to adjudicate</source>
        <translation>Codes to adjudicate</translation>
    </message>
    <message>
        <source>(deleted code)</source>
        <translation>(deleted code)</translation>
    </message>
    <message>
        <source>agreed, adopted</source>
        <translation>agreed, adopted</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>agreed</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This project was upgraded from an older format (schema version {old}). A copy of the original was kept at “{backup}”.</source>
        <translation>This project was upgraded from an older format (schema version {old}). A copy of the original was kept at “{backup}”.</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Open project</translation>
    </message>
    <message>
        <source>Import posts</source>
        <translation>Import posts</translation>
    </message>
    <message>
        <source>Import an export folder</source>
        <translation>Import an export folder</translation>
    </message>
    <message>
        <source>About Annotator</source>
        <translation>About Annotator</translation>
    </message>
    <message>
        <source>Annotator {version}

Corpus coding of Telegram posts.</source>
        <translation>Annotator {version}

Corpus coding of Telegram posts.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Import cancelled; nothing was imported.</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>No project open</translation>
    </message>
    <message>
        <source>{count} posts</source>
        <translation>{count} posts</translation>
    </message>
    <message>
        <source>Annotator projects (*{suffix})</source>
        <translation>Annotator projects (*{suffix})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Columns of “{name}”</source>
        <translation>Columns of “{name}”</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <source>Reading “{name}”…</source>
        <translation>Reading “{name}”…</translation>
    </message>
    <message>
        <source>Excel workbook, {columns} column(s).</source>
        <translation>Excel workbook, {columns} column(s).</translation>
    </message>
    <message>
        <source>CSV text ({encoding}, separated by “{delimiter}”), {columns} column(s).</source>
        <translation>CSV text ({encoding}, separated by “{delimiter}”), {columns} column(s).</translation>
    </message>
    <message>
        <source>The columns start from “{name}”.</source>
        <translation>The columns start from “{name}”.</translation>
    </message>
    <message>
        <source>Choose under each column header which post field it holds.</source>
        <translation>Choose under each column header which post field it holds.</translation>
    </message>
    <message>
        <source>Choose the column that holds the post text.</source>
        <translation>Choose the column that holds the post text.</translation>
    </message>
    <message>
        <source>Reading the first posts…</source>
        <translation>Reading the first posts…</translation>
    </message>
    <message>
        <source>The table yields no posts with these columns.</source>
        <translation>The table yields no posts with these columns.</translation>
    </message>
    <message>
        <source>The first {count} post(s) as they would be imported.</source>
        <translation>The first {count} post(s) as they would be imported.</translation>
    </message>
    <message>
        <source>…and {count} more warning(s).</source>
        <translation>…and {count} more warning(s).</translation>
    </message>
    <message>
        <source>Preview posts</source>
        <translation>Preview posts</translation>
    </message>
</context>
<context>
    <name>MappingOptionsBox</name>
    <message>
        <source>Dates and channel</source>
        <translation>Dates and channel</translation>
    </message>
    <message>
        <source>The time zone of dates written without one: UTC, a name such as Europe/Moscow (daylight saving time is applied) or an offset such as +03:00. Dates that carry an offset are converted from it.</source>
        <translation>The time zone of dates written without one: UTC, a name such as Europe/Moscow (daylight saving time is applied) or an offset such as +03:00. Dates that carry an offset are converted from it.</translation>
    </message>
    <message>
        <source>automatic (ISO 8601)</source>
        <translation>automatic (ISO 8601)</translation>
    </message>
    <message>
        <source>Only for dates that are not ISO 8601: a strptime format such as %d.%m.%Y %H:%M.</source>
        <translation>Only for dates that are not ISO 8601: a strptime format such as %d.%m.%Y %H:%M.</translation>
    </message>
    <message>
        <source>not numbers</source>
        <translation>not numbers</translation>
    </message>
    <message>
        <source>Unix time, seconds</source>
        <translation>Unix time, seconds</translation>
    </message>
    <message>
        <source>Unix time, milliseconds</source>
        <translation>Unix time, milliseconds</translation>
    </message>
    <message>
        <source>Excel day numbers</source>
        <translation>Excel day numbers</translation>
    </message>
    <message>
        <source>How numbers in date columns are read; without a unit a number is an error.</source>
        <translation>How numbers in date columns are read; without a unit a number is an error.</translation>
    </message>
    <message>
        <source>The channel of every row, used when no column is the channel: a username, a numeric id or a title.</source>
        <translation>The channel of every row, used when no column is the channel: a username, a numeric id or a title.</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>Time &amp;zone:</translation>
    </message>
    <message>
        <source>Date &amp;format:</source>
        <translation>Date &amp;format:</translation>
    </message>
    <message>
        <source>&amp;Numbers in dates:</source>
        <translation>&amp;Numbers in dates:</translation>
    </message>
    <message>
        <source>C&amp;hannel name:</source>
        <translation>C&amp;hannel name:</translation>
    </message>
    <message>
        <source>from the channel column</source>
        <translation>from the channel column</translation>
    </message>
    <message>
        <source>from the file name: {stem}</source>
        <translation>from the file name: {stem}</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge “{name}” into…</source>
        <translation>Merge “{name}” into…</translation>
    </message>
    <message>
        <source>Merge “{path}” into the code chosen below. Its {annotations} annotation(s) and {values} post value(s) move there, its subcodes move under it, and “{name}” is deleted. You can undo this.</source>
        <translation>Merge “{path}” into the code chosen below. Its {annotations} annotation(s) and {values} post value(s) move there, its subcodes move under it, and “{name}” is deleted. You can undo this.</translation>
    </message>
    <message>
        <source>Filter codes…</source>
        <translation>Filter codes…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <source>no value</source>
        <translation>no value</translation>
    </message>
</context>
<context>
    <name>OptionsPanel</name>
    <message>
        <source>Coders to compare</source>
        <translation>Coders to compare</translation>
    </message>
    <message>
        <source>Codes to compare</source>
        <translation>Codes to compare</translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>&amp;All</translation>
    </message>
    <message>
        <source>N&amp;one</source>
        <translation>N&amp;one</translation>
    </message>
    <message>
        <source>Two segments of different coders match when their overlap divided by their union (the Jaccard index) reaches this value.</source>
        <translation>Two segments of different coders match when their overlap divided by their union (the Jaccard index) reaches this value.</translation>
    </message>
    <message>
        <source>Choose at least two coders.</source>
        <translation>Choose at least two coders.</translation>
    </message>
    <message>
        <source>Choose at least one post variable with categories.</source>
        <translation>Choose at least one post variable with categories.</translation>
    </message>
    <message>
        <source>Choose at least one span code.</source>
        <translation>Choose at least one span code.</translation>
    </message>
    <message>
        <source>No coders yet: agreement needs posts finished by two or more coders.</source>
        <translation>No coders yet: agreement needs posts finished by two or more coders.</translation>
    </message>
    <message>
        <source>Adjudicated (gold) ({done} posts complete)</source>
        <translation>Adjudicated (gold) ({done} posts complete)</translation>
    </message>
    <message>
        <source>{name} ({done} posts done)</source>
        <translation>{name} ({done} posts done)</translation>
    </message>
    <message>
        <source>The adjudicated layer ({name}); choose it with a coder to see how far that coder&apos;s work stands from the settled version</source>
        <translation>The adjudicated layer ({name}); choose it with a coder to see how far that coder&apos;s work stands from the settled version</translation>
    </message>
    <message>
        <source>All versions</source>
        <translation>All versions</translation>
    </message>
    <message>
        <source>Version {n} (current)</source>
        <translation>Version {n} (current)</translation>
    </message>
    <message>
        <source>Version {n}</source>
        <translation>Version {n}</translation>
    </message>
    <message>
        <source>Advanc&amp;ed</source>
        <translation>Advanc&amp;ed</translation>
    </message>
    <message>
        <source>none (no intervals)</source>
        <translation>none (no intervals)</translation>
    </message>
    <message>
        <source>Bootstrap resamples of the units for the confidence intervals of alpha and kappa; more are steadier and slower.</source>
        <translation>Bootstrap resamples of the units for the confidence intervals of alpha and kappa; more are steadier and slower.</translation>
    </message>
    <message>
        <source>The same seed gives the same intervals again.</source>
        <translation>The same seed gives the same intervals again.</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>C&amp;oders</source>
        <translation>C&amp;oders</translation>
    </message>
    <message>
        <source>Co&amp;des</source>
        <translation>Co&amp;des</translation>
    </message>
    <message>
        <source>Codebook &amp;version:</source>
        <translation>Codebook &amp;version:</translation>
    </message>
    <message>
        <source>&amp;Jaccard threshold:</source>
        <translation>&amp;Jaccard threshold:</translation>
    </message>
    <message>
        <source>&amp;Resamples:</source>
        <translation>&amp;Resamples:</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>&amp;Seed:</translation>
    </message>
    <message>
        <source>Confidence &amp;level:</source>
        <translation>Confidence &amp;level:</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>Create coder packages</source>
        <translation>Create coder packages</translation>
    </message>
    <message>
        <source>A coder package is a project file with the codebook and one coder&apos;s assigned posts. The coder opens it in Annotator, codes offline and sends it back; Team → Merge coder packages… brings the work into this project.</source>
        <translation>A coder package is a project file with the codebook and one coder&apos;s assigned posts. The coder opens it in Annotator, codes offline and sends it back; Team → Merge coder packages… brings the work into this project.</translation>
    </message>
    <message>
        <source>{name} — {count} assigned post(s)</source>
        <translation>{name} — {count} assigned post(s)</translation>
    </message>
    <message>
        <source>{name} — no assignment</source>
        <translation>{name} — no assignment</translation>
    </message>
    <message>
        <source>Give coders without an assignment every post</source>
        <translation>Give coders without an assignment every post</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Create packages</source>
        <translation>Create packages</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Coders:</source>
        <translation>Coders:</translation>
    </message>
    <message>
        <source>Check at least one coder.</source>
        <translation>Check at least one coder.</translation>
    </message>
    <message>
        <source>Choose an existing folder.</source>
        <translation>Choose an existing folder.</translation>
    </message>
    <message>
        <source>{names}: no assigned posts. Assign posts first (Team menu), or give them every post.</source>
        <translation>{names}: no assigned posts. Assign posts first (Team menu), or give them every post.</translation>
    </message>
    <message>
        <source>Already in the folder (never overwritten): {names}.</source>
        <translation>Already in the folder (never overwritten): {names}.</translation>
    </message>
    <message>
        <source>Files to write: {names}</source>
        <translation>Files to write: {names}</translation>
    </message>
    <message>
        <source>Folder for the packages</source>
        <translation>Folder for the packages</translation>
    </message>
</context>
<context>
    <name>PackageMergeDialog</name>
    <message>
        <source>the post is not in this project</source>
        <translation>the post is not in this project</translation>
    </message>
    <message>
        <source>the post&apos;s text differs from this project&apos;s</source>
        <translation>the post&apos;s text differs from this project&apos;s</translation>
    </message>
    <message>
        <source>its code is not in this project&apos;s codebook</source>
        <translation>its code is not in this project&apos;s codebook</translation>
    </message>
    <message>
        <source>its code is of another kind in this project</source>
        <translation>its code is of another kind in this project</translation>
    </message>
    <message>
        <source>this project&apos;s variable does not take the value</source>
        <translation>this project&apos;s variable does not take the value</translation>
    </message>
    <message>
        <source>the span does not fit the post&apos;s text</source>
        <translation>the span does not fit the post&apos;s text</translation>
    </message>
    <message>
        <source>this project uses its id for other work</source>
        <translation>this project uses its id for other work</translation>
    </message>
    <message>
        <source>changed both in the package and in this project</source>
        <translation>changed both in the package and in this project</translation>
    </message>
    <message>
        <source>changed in the package, deleted here</source>
        <translation>changed in the package, deleted here</translation>
    </message>
    <message>
        <source>deleted in the package, changed here</source>
        <translation>deleted in the package, changed here</translation>
    </message>
    <message>
        <source>the same code on the same span exists here</source>
        <translation>the same code on the same span exists here</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>cannot be read</translation>
    </message>
    <message>
        <source>is not a coder package</source>
        <translation>is not a coder package</translation>
    </message>
    <message>
        <source>was cut from another project (allow it below to merge it anyway)</source>
        <translation>was cut from another project (allow it below to merge it anyway)</translation>
    </message>
    <message>
        <source>is listed twice</source>
        <translation>is listed twice</translation>
    </message>
    <message>
        <source>is for the same coder as another package here; merge them one at a time</source>
        <translation>is for the same coder as another package here; merge them one at a time</translation>
    </message>
    <message>
        <source>is for the adjudicated layer, not a coder</source>
        <translation>is for the adjudicated layer, not a coder</translation>
    </message>
    <message>
        <source>Post {post}</source>
        <translation>Post {post}</translation>
    </message>
    <message>
        <source>Annotation on post {post}</source>
        <translation>Annotation on post {post}</translation>
    </message>
    <message>
        <source>Post value on post {post}</source>
        <translation>Post value on post {post}</translation>
    </message>
    <message>
        <source>Status of post {post}</source>
        <translation>Status of post {post}</translation>
    </message>
    <message>
        <source>blocks the merge</source>
        <translation>blocks the merge</translation>
    </message>
    <message>
        <source>the package&apos;s version is taken</source>
        <translation>the package&apos;s version is taken</translation>
    </message>
    <message>
        <source>post left out</source>
        <translation>post left out</translation>
    </message>
    <message>
        <source>{file}: refused — it {why}</source>
        <translation>{file}: refused — it {why}</translation>
    </message>
    <message>
        <source>{count} conflict(s) block the merge</source>
        <translation>{count} conflict(s) block the merge</translation>
    </message>
    <message>
        <source>ready, {count} change(s)</source>
        <translation>ready, {count} change(s)</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nothing new</translation>
    </message>
    <message>
        <source>{file} — {coder}: {state}</source>
        <translation>{file} — {coder}: {state}</translation>
    </message>
    <message>
        <source>Coder: {name} (known to this project)</source>
        <translation>Coder: {name} (known to this project)</translation>
    </message>
    <message>
        <source>Coder: {name} (called “{ours}” here; that name is kept)</source>
        <translation>Coder: {name} (called “{ours}” here; that name is kept)</translation>
    </message>
    <message>
        <source>Coder: {name} (new: added as “{ours}”)</source>
        <translation>Coder: {name} (new: added as “{ours}”)</translation>
    </message>
    <message>
        <source>Origin: this project</source>
        <translation>Origin: this project</translation>
    </message>
    <message>
        <source>Origin: ANOTHER project ({uuid})</source>
        <translation>Origin: ANOTHER project ({uuid})</translation>
    </message>
    <message>
        <source>Posts: {count}</source>
        <translation>Posts: {count}</translation>
    </message>
    <message>
        <source>{count} missing here</source>
        <translation>{count} missing here</translation>
    </message>
    <message>
        <source>{count} with another text here</source>
        <translation>{count} with another text here</translation>
    </message>
    <message>
        <source>{count} left out for conflicts</source>
        <translation>{count} left out for conflicts</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Post values</source>
        <translation>Post values</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Statuses</translation>
    </message>
    <message>
        <source>{kind}: {added} added, {updated} updated, {removed} removed, {unchanged} unchanged, {kept} kept (changed here since packaging), {conflicts} in conflict, {skipped} left out</source>
        <translation>{kind}: {added} added, {updated} updated, {removed} removed, {unchanged} unchanged, {kept} kept (changed here since packaging), {conflicts} in conflict, {skipped} left out</translation>
    </message>
    <message>
        <source>Memos written: {count}</source>
        <translation>Memos written: {count}</translation>
    </message>
    <message>
        <source>Codebook: version {cut} at packaging, {package} in the package, {here} here; {count} difference(s)</source>
        <translation>Codebook: version {cut} at packaging, {package} in the package, {here} here; {count} difference(s)</translation>
    </message>
    <message>
        <source>Merged before: {dates}</source>
        <translation>Merged before: {dates}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <source>Conflicts: {count}</source>
        <translation>Conflicts: {count}</translation>
    </message>
    <message>
        <source>Merge coder packages</source>
        <translation>Merge coder packages</translation>
    </message>
    <message>
        <source>Each package is checked against this project first: nothing is written until you click Merge. The merge writes a backup of the project, then brings every package in at once, or nothing.</source>
        <translation>Each package is checked against this project first: nothing is written until you click Merge. The merge writes a backup of the project, then brings every package in at once, or nothing.</translation>
    </message>
    <message>
        <source>Add packages…</source>
        <translation>Add packages…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Where both sides changed something, take the package&apos;s version</source>
        <translation>Where both sides changed something, take the package&apos;s version</translation>
    </message>
    <message>
        <source>Leave posts with conflicts out</source>
        <translation>Leave posts with conflicts out</translation>
    </message>
    <message>
        <source>Allow packages cut from another project</source>
        <translation>Allow packages cut from another project</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Add the coder packages to merge.</source>
        <translation>Add the coder packages to merge.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Remove or fix the refused package(s) to merge.</source>
        <translation>Remove or fix the refused package(s) to merge.</translation>
    </message>
    <message>
        <source>{count} conflict(s) block the merge. Take the packages&apos; version, or leave those posts out, with the options above.</source>
        <translation>{count} conflict(s) block the merge. Take the packages&apos; version, or leave those posts out, with the options above.</translation>
    </message>
    <message>
        <source>Nothing to merge: this project already holds the packages&apos; work.</source>
        <translation>Nothing to merge: this project already holds the packages&apos; work.</translation>
    </message>
    <message>
        <source>Ready to merge.</source>
        <translation>Ready to merge.</translation>
    </message>
    <message>
        <source>Coder packages</source>
        <translation>Coder packages</translation>
    </message>
    <message>
        <source>Annotator projects (*{suffix})</source>
        <translation>Annotator projects (*{suffix})</translation>
    </message>
</context>
<context>
    <name>PostFilterBar</name>
    <message>
        <source>Search posts (Ctrl+F)</source>
        <translation>Search posts (Ctrl+F)</translation>
    </message>
    <message>
        <source>The current coder&apos;s status</source>
        <translation>The current coder&apos;s status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Posts with at least one annotation of this code</source>
        <translation>Posts with at least one annotation of this code</translation>
    </message>
    <message>
        <source>Go to post number (Ctrl+G)</source>
        <translation>Go to post number (Ctrl+G)</translation>
    </message>
    <message>
        <source>My assignment</source>
        <translation>My assignment</translation>
    </message>
    <message>
        <source>Only the posts assigned to the current coder</source>
        <translation>Only the posts assigned to the current coder</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Any code</source>
        <translation>Any code</translation>
    </message>
    <message>
        <source>{shown} of {total} posts</source>
        <translation>{shown} of {total} posts</translation>
    </message>
</context>
<context>
    <name>PostFiltering</name>
    <message>
        <source>&amp;Find posts…</source>
        <translation>&amp;Find posts…</translation>
    </message>
    <message>
        <source>&amp;Go to post #…</source>
        <translation>&amp;Go to post #…</translation>
    </message>
</context>
<context>
    <name>PostPanel</name>
    <message>
        <source>Posts to adjudicate</source>
        <translation>Posts to adjudicate</translation>
    </message>
    <message>
        <source>Only posts with &amp;open items</source>
        <translation>Only posts with &amp;open items</translation>
    </message>
    <message>
        <source>Adopt agreed codes</source>
        <translation>Adopt agreed codes</translation>
    </message>
    <message>
        <source>Copy every code all coders agree on into the adjudicated version (logged as decisions; undoable)</source>
        <translation>Copy every code all coders agree on into the adjudicated version (logged as decisions; undoable)</translation>
    </message>
    <message>
        <source>Posts finished by two or more coders</source>
        <translation>Posts finished by two or more coders</translation>
    </message>
    <message>
        <source>Adjudicated %v of %m items</source>
        <translation>Adjudicated %v of %m items</translation>
    </message>
    <message>
        <source>No disagreements to adjudicate</source>
        <translation>No disagreements to adjudicate</translation>
    </message>
    <message>
        <source>{complete} of {posts} posts complete · agreed codes adopted: {seeded} of {agreed}</source>
        <translation>{complete} of {posts} posts complete · agreed codes adopted: {seeded} of {agreed}</translation>
    </message>
    <message>
        <source>Adopt agreed codes ({n})</source>
        <translation>Adopt agreed codes ({n})</translation>
    </message>
</context>
<context>
    <name>PostPreviewModel</name>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Date (UTC)</source>
        <translation>Date (UTC)</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
</context>
<context>
    <name>PostProgressModel</name>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>{decided} of {total} disagreements decided; {seeded} of {agreed} agreed codes adopted</source>
        <translation>{decided} of {total} disagreements decided; {seeded} of {agreed} agreed codes adopted</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>agreed codes to adopt</source>
        <translation>agreed codes to adopt</translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <source>started</source>
        <translation>started</translation>
    </message>
</context>
<context>
    <name>PostTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Forwarded from</source>
        <translation>Forwarded from</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
</context>
<context>
    <name>ProgressRun</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>Channel:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <source>Forwarded from:</source>
        <translation>Forwarded from:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Reactions:</source>
        <translation>Reactions:</translation>
    </message>
    <message>
        <source>Views:</source>
        <translation>Views:</translation>
    </message>
    <message>
        <source>Edited:</source>
        <translation>Edited:</translation>
    </message>
    <message>
        <source>Select a post in the list to read it.</source>
        <translation>Select a post in the list to read it.</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>ambiguous ({n} readings)</source>
        <translation>ambiguous ({n} readings)</translation>
    </message>
    <message>
        <source>ambiguous</source>
        <translation>ambiguous</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Scope of the report</source>
        <translation>Scope of the report</translation>
    </message>
    <message>
        <source>Agreement per code and measure</source>
        <translation>Agreement per code and measure</translation>
    </message>
    <message>
        <source>Agreement per pair of coders</source>
        <translation>Agreement per pair of coders</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Disagreements</translation>
    </message>
    <message>
        <source>How to read this report</source>
        <translation>How to read this report</translation>
    </message>
    <message>
        <source>Code &amp;table</source>
        <translation>Code &amp;table</translation>
    </message>
    <message>
        <source>α c&amp;hart</source>
        <translation>α c&amp;hart</translation>
    </message>
    <message>
        <source>Coder &amp;pairs</source>
        <translation>Coder &amp;pairs</translation>
    </message>
    <message>
        <source>Disa&amp;greements</source>
        <translation>Disa&amp;greements</translation>
    </message>
    <message>
        <source>How to read th&amp;is</source>
        <translation>How to read th&amp;is</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Cop&amp;y</translation>
    </message>
    <message>
        <source>Disa&amp;greements ({count})</source>
        <translation>Disa&amp;greements ({count})</translation>
    </message>
    <message>
        <source>No report yet: choose what to compare and press Compute.</source>
        <translation>No report yet: choose what to compare and press Compute.</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α per code, pooled row first. Whiskers: bootstrap confidence interval. Dashed lines: 0.667 (tentative conclusions) and 0.800 (reliable). Hatched: α undefined, with the reason.</source>
        <translation>Krippendorff&apos;s α per code, pooled row first. Whiskers: bootstrap confidence interval. Dashed lines: 0.667 (tentative conclusions) and 0.800 (reliable). Hatched: α undefined, with the reason.</translation>
    </message>
    <message>
        <source>Copy the table as tab-separated text</source>
        <translation>Copy the table as tab-separated text</translation>
    </message>
    <message>
        <source>Copy the matrix as tab-separated text</source>
        <translation>Copy the matrix as tab-separated text</translation>
    </message>
    <message>
        <source>Copy the list as tab-separated text</source>
        <translation>Copy the list as tab-separated text</translation>
    </message>
    <message>
        <source>Copy the notes as text</source>
        <translation>Copy the notes as text</translation>
    </message>
    <message>
        <source>Copy the chart as an image</source>
        <translation>Copy the chart as an image</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>The size of post texts and of the lists.</source>
        <translation>The size of post texts and of the lists.</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Grow selections to whole words before coding</source>
        <translation>Grow selections to whole words before coding</translation>
    </message>
    <message>
        <source>How many of the newest backups to keep; the newest backup of each of the last {days} days is kept as well.</source>
        <translation>How many of the newest backups to keep; the newest backup of each of the last {days} days is kept as well.</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Every hour</source>
        <translation>Every hour</translation>
    </message>
    <message>
        <source>Every {minutes} minutes</source>
        <translation>Every {minutes} minutes</translation>
    </message>
    <message>
        <source>Reading and coding</source>
        <translation>Reading and coding</translation>
    </message>
    <message>
        <source>Text size:</source>
        <translation>Text size:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Theme:</translation>
    </message>
    <message>
        <source>Word snapping:</source>
        <translation>Word snapping:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>A new language shows after Annotator restarts.</source>
        <translation>A new language shows after Annotator restarts.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Automatic backups:</source>
        <translation>Automatic backups:</translation>
    </message>
    <message>
        <source>Backups to keep:</source>
        <translation>Backups to keep:</translation>
    </message>
    <message>
        <source>Every change is saved in the project at once; backups are extra copies, kept in a folder beside the project (File → Open backups folder).</source>
        <translation>Every change is saved in the project at once; backups are extra copies, kept in a folder beside the project (File → Open backups folder).</translation>
    </message>
</context>
<context>
    <name>ShortcutDialog</name>
    <message>
        <source>Shortcut for “{name}”</source>
        <translation>Shortcut for “{name}”</translation>
    </message>
    <message>
        <source>Press the key that applies this code while coding (a letter, digit or sign, without Ctrl or Alt).</source>
        <translation>Press the key that applies this code while coding (a letter, digit or sign, without Ctrl or Alt).</translation>
    </message>
    <message>
        <source>No shortcut.</source>
        <translation>No shortcut.</translation>
    </message>
    <message>
        <source>“{keys}” is not a single key without modifiers.</source>
        <translation>“{keys}” is not a single key without modifiers.</translation>
    </message>
    <message>
        <source>“{key}” is already used by {path}.</source>
        <translation>“{key}” is already used by {path}.</translation>
    </message>
    <message>
        <source>Key “{key}”.</source>
        <translation>Key “{key}”.</translation>
    </message>
</context>
<context>
    <name>SyncWarning</name>
    <message>
        <source>Project in a synced folder</source>
        <translation>Project in a synced folder</translation>
    </message>
    <message>
        <source>“{name}” is in a folder synced by {service}.</source>
        <translation>“{name}” is in a folder synced by {service}.</translation>
    </message>
    <message>
        <source>Project on a network drive</source>
        <translation>Project on a network drive</translation>
    </message>
    <message>
        <source>“{name}” is on a network drive ({service}).</source>
        <translation>“{name}” is on a network drive ({service}).</translation>
    </message>
    <message>
        <source>Sync services and network drives can copy a project file while Annotator is writing to it. The file can then be damaged or split into conflicting copies, and coding can be lost.

Keep the project in a local folder on this computer that is not synced, and share work with coder packages (Team menu) or exports instead of sharing the project file itself.</source>
        <translation>Sync services and network drives can copy a project file while Annotator is writing to it. The file can then be damaged or split into conflicting copies, and coding can be lost.

Keep the project in a local folder on this computer that is not synced, and share work with coder packages (Team menu) or exports instead of sharing the project file itself.</translation>
    </message>
    <message>
        <source>Don&apos;t warn again for this project</source>
        <translation>Don&apos;t warn again for this project</translation>
    </message>
</context>
<context>
    <name>TableSection</name>
    <message>
        <source>Table columns</source>
        <translation>Table columns</translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation>&amp;Columns…</translation>
    </message>
    <message>
        <source>&amp;Load mapping…</source>
        <translation>&amp;Load mapping…</translation>
    </message>
    <message>
        <source>&amp;Save mapping…</source>
        <translation>&amp;Save mapping…</translation>
    </message>
    <message>
        <source>No preset matched the columns of “{name}”: set them with Columns…</source>
        <translation>No preset matched the columns of “{name}”: set them with Columns…</translation>
    </message>
    <message>
        <source>No preset matched the columns of “{name}”: import it on its own to set its columns.</source>
        <translation>No preset matched the columns of “{name}”: import it on its own to set its columns.</translation>
    </message>
    <message>
        <source>Load column mapping</source>
        <translation>Load column mapping</translation>
    </message>
    <message>
        <source>Save column mapping</source>
        <translation>Save column mapping</translation>
    </message>
    <message>
        <source>“{name}” was not read; the import will use the preset its header row matches.</source>
        <translation>“{name}” was not read; the import will use the preset its header row matches.</translation>
    </message>
    <message>
        <source>Preset detected for “{name}”: {preset}.</source>
        <translation>Preset detected for “{name}”: {preset}.</translation>
    </message>
    <message>
        <source>No preset matched “{name}”: columns guessed from the header names ({fields}); check them with Columns…</source>
        <translation>No preset matched “{name}”: columns guessed from the header names ({fields}); check them with Columns…</translation>
    </message>
    <message>
        <source>No preset matched “{name}”: set the columns.</source>
        <translation>No preset matched “{name}”: set the columns.</translation>
    </message>
    <message>
        <source>Columns set by hand: {fields}.</source>
        <translation>Columns set by hand: {fields}.</translation>
    </message>
    <message>
        <source>Columns from “{file}”: {fields}.</source>
        <translation>Columns from “{file}”: {fields}.</translation>
    </message>
    <message>
        <source>Saved as “{file}”.</source>
        <translation>Saved as “{file}”.</translation>
    </message>
    <message>
        <source>The columns apply to all {count} tables.</source>
        <translation>The columns apply to all {count} tables.</translation>
    </message>
    <message>
        <source>Column mappings (*.yaml *.yml *.json);;All files (*)</source>
        <translation>Column mappings (*.yaml *.yml *.json);;All files (*)</translation>
    </message>
</context>
<context>
    <name>TeamFiles</name>
    <message>
        <source>Create coder &amp;packages…</source>
        <translation>Create coder &amp;packages…</translation>
    </message>
    <message>
        <source>&amp;Merge coder packages…</source>
        <translation>&amp;Merge coder packages…</translation>
    </message>
    <message>
        <source>{name} — package for {coder} — Annotator</source>
        <translation>{name} — package for {coder} — Annotator</translation>
    </message>
    <message>
        <source>{name} — Annotator</source>
        <translation>{name} — Annotator</translation>
    </message>
    <message>
        <source>Coder packages</source>
        <translation>Coder packages</translation>
    </message>
    <message>
        <source>Writing {count} coder package(s)…</source>
        <translation>Writing {count} coder package(s)…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Merging {count} coder package(s)…</source>
        <translation>Merging {count} coder package(s)…</translation>
    </message>
    <message>
        <source>Coder packages to merge</source>
        <translation>Coder packages to merge</translation>
    </message>
    <message>
        <source>Annotator projects (*{suffix})</source>
        <translation>Annotator projects (*{suffix})</translation>
    </message>
    <message>
        <source>{coder}: {posts} post(s), {annotations} annotation(s) → {file}</source>
        <translation>{coder}: {posts} post(s), {annotations} annotation(s) → {file}</translation>
    </message>
    <message>
        <source>Coder packages written</source>
        <translation>Coder packages written</translation>
    </message>
    <message>
        <source>Wrote {count} coder package(s) in “{folder}”:

{lines}

Send each coder their file; they open it in Annotator and code as usual.</source>
        <translation>Wrote {count} coder package(s) in “{folder}”:

{lines}

Send each coder their file; they open it in Annotator and code as usual.</translation>
    </message>
    <message>
        <source>Cancelled; no package was written.</source>
        <translation>Cancelled; no package was written.</translation>
    </message>
    <message>
        <source>Merge cancelled; the project was not changed.</source>
        <translation>Merge cancelled; the project was not changed.</translation>
    </message>
    <message>
        <source>Nothing to merge: the project already holds the packages&apos; work. Nothing was written.</source>
        <translation>Nothing to merge: the project already holds the packages&apos; work. Nothing was written.</translation>
    </message>
    <message>
        <source>{coder}: annotations {a_added} added, {a_updated} updated, {a_removed} removed; post values {v_writes} and statuses {s_writes} written</source>
        <translation>{coder}: annotations {a_added} added, {a_updated} updated, {a_removed} removed; post values {v_writes} and statuses {s_writes} written</translation>
    </message>
    <message>
        <source>Merged {count} coder package(s):

{lines}

A copy of the project from before the merge was written to “{backup}”. Undo history was cleared.</source>
        <translation>Merged {count} coder package(s):

{lines}

A copy of the project from before the merge was written to “{backup}”. Undo history was cleared.</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <source>not coded</source>
        <translation>not coded</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
</context>
<context>
    <name>VariablesPanel</name>
    <message>
        <source>The codebook has no post-level variables.</source>
        <translation>The codebook has no post-level variables.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Remove this post&apos;s value of “{name}”</source>
        <translation>Remove this post&apos;s value of “{name}”</translation>
    </message>
</context>
<context>
    <name>VersionColumn</name>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>no spans</source>
        <translation>no spans</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Annotator</source>
        <translation>Welcome to Annotator</translation>
    </message>
    <message>
        <source>Create a project, open one, or try the demo project: a sample Telegram channel with a small codebook.</source>
        <translation>Create a project, open one, or try the demo project: a sample Telegram channel with a small codebook.</translation>
    </message>
    <message>
        <source>New project…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <source>Open project…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <source>Open demo project</source>
        <translation>Open demo project</translation>
    </message>
</context>
<context>
    <name>adjudication</name>
    <message>
        <source>accepted {sources}</source>
        <translation>accepted {sources}</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>adopted (all agreed)</source>
        <translation>adopted (all agreed)</translation>
    </message>
    <message>
        <source>{what} by {who}, {when} UTC</source>
        <translation>{what} by {who}, {when} UTC</translation>
    </message>
    <message>
        <source>{n} spans here</source>
        <translation>{n} spans here</translation>
    </message>
</context>
<context>
    <name>agreement</name>
    <message>
        <source>{code}: α undefined — {reason}.</source>
        <translation>{code}: α undefined — {reason}.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <source>{code}: α = {value} on {units} units</source>
        <translation>{code}: α = {value} on {units} units</translation>
    </message>
    <message>
        <source>{level:g} % CI {interval}</source>
        <translation>{level:g} % CI {interval}</translation>
    </message>
    <message>
        <source>alpha was not computed</source>
        <translation>alpha was not computed</translation>
    </message>
    <message>
        <source>Alpha per code</source>
        <translation>Alpha per code</translation>
    </message>
    <message>
        <source>Compute a report to see alpha per code.</source>
        <translation>Compute a report to see alpha per code.</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>{value} tentative</source>
        <translation>{value} tentative</translation>
    </message>
    <message>
        <source>{value} reliable</source>
        <translation>{value} reliable</translation>
    </message>
    <message>
        <source>{undefined} undefined: {reason}</source>
        <translation>{undefined} undefined: {reason}</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Prevalence</source>
        <translation>Prevalence</translation>
    </message>
    <message>
        <source>{measure} CI</source>
        <translation>{measure} CI</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>The code&apos;s path in the codebook; the first row pools all codes.</source>
        <translation>The code&apos;s path in the codebook; the first row pools all codes.</translation>
    </message>
    <message>
        <source>Units that entered the computation.</source>
        <translation>Units that entered the computation.</translation>
    </message>
    <message>
        <source>Share of the values that say “present” (for variables: share of the most frequent value). Kappa-type measures drop when it is near 0 % or 100 %.</source>
        <translation>Share of the values that say “present” (for variables: share of the most frequent value). Kappa-type measures drop when it is near 0 % or 100 %.</translation>
    </message>
    <message>
        <source>Bootstrap percentile confidence interval of {measure}.</source>
        <translation>Bootstrap percentile confidence interval of {measure}.</translation>
    </message>
    <message>
        <source>Warns when agreement is high but kappa is low (the kappa paradox of skewed prevalence).</source>
        <translation>Warns when agreement is high but kappa is low (the kappa paradox of skewed prevalence).</translation>
    </message>
    <message>
        <source>No prevalence: no unit has two values, or the unit has no categories (unitized alpha).</source>
        <translation>No prevalence: no unit has two values, or the unit has no categories (unitized alpha).</translation>
    </message>
    <message>
        <source>Not computed for this row.</source>
        <translation>Not computed for this row.</translation>
    </message>
    <message>
        <source>paradox</source>
        <translation>paradox</translation>
    </message>
    <message>
        <source>No interval was computed.</source>
        <translation>No interval was computed.</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Coder A</source>
        <translation>Coder A</translation>
    </message>
    <message>
        <source>A coded</source>
        <translation>A coded</translation>
    </message>
    <message>
        <source>Coder B</source>
        <translation>Coder B</translation>
    </message>
    <message>
        <source>B coded</source>
        <translation>B coded</translation>
    </message>
    <message>
        <source>Post {label}: double-click or press Enter to open it in the workspace.</source>
        <translation>Post {label}: double-click or press Enter to open it in the workspace.</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nothing)</translation>
    </message>
    <message>
        <source>{a} and {b}: {units} units coded by both.</source>
        <translation>{a} and {b}: {units} units coded by both.</translation>
    </message>
    <message>
        <source>α {undefined}: undefined for this pair (no unit coded by both, or a single category throughout).</source>
        <translation>α {undefined}: undefined for this pair (no unit coded by both, or a single category throughout).</translation>
    </message>
    <message>
        <source>% {undefined}: not computed for this pair (no shared unit, or the unit has no percent agreement).</source>
        <translation>% {undefined}: not computed for this pair (no shared unit, or the unit has no percent agreement).</translation>
    </message>
    <message>
        <source>That post is no longer in the project.</source>
        <translation>That post is no longer in the project.</translation>
    </message>
    <message>
        <source>The post filter hid that post, so it was cleared.</source>
        <translation>The post filter hid that post, so it was cleared.</translation>
    </message>
    <message>
        <source>Presence (post × code)</source>
        <translation>Presence (post × code)</translation>
    </message>
    <message>
        <source>Post variable</source>
        <translation>Post variable</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>Character</translation>
    </message>
    <message>
        <source>Matched segment</source>
        <translation>Matched segment</translation>
    </message>
    <message>
        <source>Unitized (αᵤ)</source>
        <translation>Unitized (αᵤ)</translation>
    </message>
    <message>
        <source>One unit per post and code: did the coder apply the code anywhere in the post (yes or no).</source>
        <translation>One unit per post and code: did the coder apply the code anywhere in the post (yes or no).</translation>
    </message>
    <message>
        <source>One unit per post and variable: the value each coder gave the post-level variable.</source>
        <translation>One unit per post and variable: the value each coder gave the post-level variable.</translation>
    </message>
    <message>
        <source>One unit per character of a post and code: did the coder&apos;s spans cover that character (yes or no).</source>
        <translation>One unit per character of a post and code: did the coder&apos;s spans cover that character (yes or no).</translation>
    </message>
    <message>
        <source>One unit per segment: spans of different coders are paired when they overlap enough (Jaccard ≥ threshold), else stand alone.</source>
        <translation>One unit per segment: spans of different coders are paired when they overlap enough (Jaccard ≥ threshold), else stand alone.</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s unitized alpha on the spans themselves: where coders put boundaries counts, character by character.</source>
        <translation>Krippendorff&apos;s unitized alpha on the spans themselves: where coders put boundaries counts, character by character.</translation>
    </message>
    <message>
        <source>post × code units</source>
        <translation>post × code units</translation>
    </message>
    <message>
        <source>post × variable units</source>
        <translation>post × variable units</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>characters</translation>
    </message>
    <message>
        <source>segments</source>
        <translation>segments</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>posts</translation>
    </message>
    <message>
        <source>% agree</source>
        <translation>% agree</translation>
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
        <translation>Percent agreement: the share of agreeing coder pairs (not chance corrected)</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s alpha (nominal); tolerates missing values</source>
        <translation>Krippendorff&apos;s alpha (nominal); tolerates missing values</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s unitized alpha on the spans</source>
        <translation>Krippendorff&apos;s unitized alpha on the spans</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa for two coders, Fleiss&apos; kappa for more</source>
        <translation>Cohen&apos;s kappa for two coders, Fleiss&apos; kappa for more</translation>
    </message>
    <message>
        <source>Scott&apos;s pi</source>
        <translation>Scott&apos;s pi</translation>
    </message>
    <message>
        <source>Gwet&apos;s AC1</source>
        <translation>Gwet&apos;s AC1</translation>
    </message>
    <message>
        <source>Brennan and Prediger&apos;s kappa (uniform chance)</source>
        <translation>Brennan and Prediger&apos;s kappa (uniform chance)</translation>
    </message>
    <message>
        <source>Undefined: {reason}.</source>
        <translation>Undefined: {reason}.</translation>
    </message>
    <message>
        <source>{name}: computed on {units} units ({pairable} values).</source>
        <translation>{name}: computed on {units} units ({pairable} values).</translation>
    </message>
    <message>
        <source>{level:g} % bootstrap percentile interval from {resamples} resamples that gave a defined value.</source>
        <translation>{level:g} % bootstrap percentile interval from {resamples} resamples that gave a defined value.</translation>
    </message>
    <message>
        <source>all codebook versions</source>
        <translation>all codebook versions</translation>
    </message>
    <message>
        <source>codebook version {version} only</source>
        <translation>codebook version {version} only</translation>
    </message>
    <message>
        <source>Unit: {name}. {explanation}</source>
        <translation>Unit: {name}. {explanation}</translation>
    </message>
    <message>
        <source>{posts} posts finished by at least two of {count} coders ({names}); {codes} codes; {version}.</source>
        <translation>{posts} posts finished by at least two of {count} coders ({names}); {codes} codes; {version}.</translation>
    </message>
    <message>
        <source>{units} {noun} in all.</source>
        <translation>{units} {noun} in all.</translation>
    </message>
    <message>
        <source>Intervals from {resamples} bootstrap resamples (seed {seed}).</source>
        <translation>Intervals from {resamples} bootstrap resamples (seed {seed}).</translation>
    </message>
    <message>
        <source>No confidence intervals.</source>
        <translation>No confidence intervals.</translation>
    </message>
    <message>
        <source>Segments matched at Jaccard ≥ {threshold:g}.</source>
        <translation>Segments matched at Jaccard ≥ {threshold:g}.</translation>
    </message>
    <message>
        <source>Left out — {items}.</source>
        <translation>Left out — {items}.</translation>
    </message>
    <message>
        <source>Nothing was left out.</source>
        <translation>Nothing was left out.</translation>
    </message>
</context>
<context>
    <name>code_summary</name>
    <message>
        <source>single</source>
        <translation>single</translation>
    </message>
    <message>
        <source>multiple</source>
        <translation>multiple</translation>
    </message>
    <message>
        <source>ordinal</source>
        <translation>ordinal</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>boolean</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <source>Span code</source>
        <translation>Span code</translation>
    </message>
    <message>
        <source>Variable ({type})</source>
        <translation>Variable ({type})</translation>
    </message>
    <message>
        <source>key {key}</source>
        <translation>key {key}</translation>
    </message>
    <message>
        <source>Include: {text}</source>
        <translation>Include: {text}</translation>
    </message>
    <message>
        <source>Exclude: {text}</source>
        <translation>Exclude: {text}</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>Examples:</translation>
    </message>
    <message>
        <source>Levels: {levels}</source>
        <translation>Levels: {levels}</translation>
    </message>
    <message>
        <source>e.g. {examples}</source>
        <translation>e.g. {examples}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>“{path}” was saved by a newer version of Annotator (schema version {found}; this version reads up to {supported}). Please update Annotator. The file was not changed.</source>
        <translation>“{path}” was saved by a newer version of Annotator (schema version {found}; this version reads up to {supported}). Please update Annotator. The file was not changed.</translation>
    </message>
    <message>
        <source>“{path}” is not an Annotator project ({reason}). The file was not changed.</source>
        <translation>“{path}” is not an Annotator project ({reason}). The file was not changed.</translation>
    </message>
    <message>
        <source>The project “{path}” does not exist (it may have been moved or deleted).</source>
        <translation>The project “{path}” does not exist (it may have been moved or deleted).</translation>
    </message>
    <message>
        <source>“{path}” already exists; a new project needs a new file name.</source>
        <translation>“{path}” already exists; a new project needs a new file name.</translation>
    </message>
    <message>
        <source>Annotator does not recognise the format of “{path}”: {reason}.</source>
        <translation>Annotator does not recognise the format of “{path}”: {reason}.</translation>
    </message>
    <message>
        <source>Cannot import “{path}”, line {line}: {reason}.</source>
        <translation>Cannot import “{path}”, line {line}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot import “{path}”: {reason}.</source>
        <translation>Cannot import “{path}”: {reason}.</translation>
    </message>
    <message>
        <source>{count} row(s) of “{path}” are invalid, so nothing was imported. First problem: {first}.</source>
        <translation>{count} row(s) of “{path}” are invalid, so nothing was imported. First problem: {first}.</translation>
    </message>
    <message>
        <source>The change was refused: {reason}.</source>
        <translation>The change was refused: {reason}.</translation>
    </message>
    <message>
        <source>The operation was cancelled; nothing was changed.</source>
        <translation>The operation was cancelled; nothing was changed.</translation>
    </message>
    <message>
        <source>Cannot read or write “{path}”: {reason}.</source>
        <translation>Cannot read or write “{path}”: {reason}.</translation>
    </message>
    <message>
        <source>Something went wrong that Annotator did not expect ({kind}). Please report it with the details below.</source>
        <translation>Something went wrong that Annotator did not expect ({kind}). Please report it with the details below.</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Annotator: unexpected problem</source>
        <translation>Annotator: unexpected problem</translation>
    </message>
    <message>
        <source>Annotator ran into a problem it did not expect ({kind}), so what you just did may not have been completed.</source>
        <translation>Annotator ran into a problem it did not expect ({kind}), so what you just did may not have been completed.</translation>
    </message>
    <message>
        <source>Your work is saved: Annotator stores every change in the project file the moment you make it. You can carry on; if the problem comes back, restart Annotator. To help fix it, click “Copy report” and send the report to the developers.</source>
        <translation>Your work is saved: Annotator stores every change in the project file the moment you make it. You can carry on; if the problem comes back, restart Annotator. To help fix it, click “Copy report” and send the report to the developers.</translation>
    </message>
    <message>
        <source>The log is in “{folder}”.</source>
        <translation>The log is in “{folder}”.</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>Report copied</source>
        <translation>Report copied</translation>
    </message>
</context>
<context>
    <name>export_scope</name>
    <message>
        <source>text contains “{text}”</source>
        <translation>text contains “{text}”</translation>
    </message>
    <message>
        <source>channel: {title}</source>
        <translation>channel: {title}</translation>
    </message>
    <message>
        <source>has code: {code}</source>
        <translation>has code: {code}</translation>
    </message>
    <message>
        <source>status of {coder}: {status}</source>
        <translation>status of {coder}: {status}</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
</context>
<context>
    <name>export_summary</name>
    <message>
        <source>{count} CSV file(s) were saved in “{path}”.</source>
        <translation>{count} CSV file(s) were saved in “{path}”.</translation>
    </message>
    <message>
        <source>The export was saved as “{path}”.</source>
        <translation>The export was saved as “{path}”.</translation>
    </message>
    <message>
        <source>Rows: {rows}.</source>
        <translation>Rows: {rows}.</translation>
    </message>
    <message>
        <source>Not exported: {warning}</source>
        <translation>Not exported: {warning}</translation>
    </message>
</context>
<context>
    <name>formats</name>
    <message>
        <source>Telegram Desktop export (JSON)</source>
        <translation>Telegram Desktop export (JSON)</translation>
    </message>
    <message>
        <source>Telegram Desktop export (HTML)</source>
        <translation>Telegram Desktop export (HTML)</translation>
    </message>
    <message>
        <source>Saved t.me/s web pages (HTML)</source>
        <translation>Saved t.me/s web pages (HTML)</translation>
    </message>
    <message>
        <source>Table of posts (CSV or XLSX)</source>
        <translation>Table of posts (CSV or XLSX)</translation>
    </message>
    <message>
        <source>Telegram web preview (text copy)</source>
        <translation>Telegram web preview (text copy)</translation>
    </message>
</context>
<context>
    <name>highlighter</name>
    <message>
        <source>(unknown)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Memo ({coder}): {memo}</source>
        <translation>Memo ({coder}): {memo}</translation>
    </message>
</context>
<context>
    <name>import_report</name>
    <message>
        <source>Imported {files} file(s): {added} post(s) added, {duplicates} duplicate(s) skipped.</source>
        <translation>Imported {files} file(s): {added} post(s) added, {duplicates} duplicate(s) skipped.</translation>
    </message>
    <message>
        <source>{count} warning(s); see the details.</source>
        <translation>{count} warning(s); see the details.</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import finished</translation>
    </message>
</context>
<context>
    <name>qdpx_report</name>
    <message>
        <source>REFI-QDA project imported</source>
        <translation>REFI-QDA project imported</translation>
    </message>
    <message>
        <source>Imported {texts} text(s) as posts, {codes} code(s), {coders} coder(s) and {selections} coded segment(s) from “{name}”.</source>
        <translation>Imported {texts} text(s) as posts, {codes} code(s), {coders} coder(s) and {selections} coded segment(s) from “{name}”.</translation>
    </message>
    <message>
        <source>It was made by {origin}.</source>
        <translation>It was made by {origin}.</translation>
    </message>
</context>
</TS>
