<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Realm::Auth</name>
    <message numerus="yes">
        <source>Too many failed sign-ins. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins. Try again in %n second.</numerusform>
            <numerusform>Too many failed sign-ins. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong answers. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong answers. Try again in %n second.</numerusform>
            <numerusform>Too many wrong answers. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Chat</name>
    <message numerus="yes">
        <source>Retrying in %n s (%1 of %2)</source>
        <translation>
            <numerusform>Retrying in %n s (%1 of %2)</numerusform>
            <numerusform>Retrying in %n s (%1 of %2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Cli</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n symbol(s)</source>
        <translation>
            <numerusform>%n symbol</numerusform>
            <numerusform>%n symbols</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prompt template(s)</source>
        <translation>
            <numerusform>%n prompt template</numerusform>
            <numerusform>%n prompt templates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Projects</name>
    <message numerus="yes">
        <source>Imported &quot;%1&quot;: %n file(s), %2.</source>
        <translation>
            <numerusform>Imported &quot;%1&quot;: %n file, %2.</numerusform>
            <numerusform>Imported &quot;%1&quot;: %n files, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 left out, %2 rejected, %n warning(s).</source>
        <translation>
            <numerusform>%1 left out, %2 rejected, %n warning.</numerusform>
            <numerusform>%1 left out, %2 rejected, %n warnings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n file, %1</numerusform>
            <numerusform>%n files, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Projects::ExportJob</name>
    <message numerus="yes">
        <source>Wrote %1: %n file(s), %2.</source>
        <translation>
            <numerusform>Wrote %1: %n file, %2.</numerusform>
            <numerusform>Wrote %1: %n files, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) is up to date: all %n version(s) are there.</source>
        <translation>
            <numerusform>%1 (%2) is up to date: its %n version is there.</numerusform>
            <numerusform>%1 (%2) is up to date: all %n versions are there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n commit(s) to %1 (%2), now at %3.</source>
        <translation>
            <numerusform>Wrote %n commit to %1 (%2), now at %3.</numerusform>
            <numerusform>Wrote %n commits to %1 (%2), now at %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Prompts</name>
    <message numerus="yes">
        <source>the file has %n line(s); line %1 is past its end.</source>
        <translation>
            <numerusform>the file has %n line; line %1 is past its end.</numerusform>
            <numerusform>the file has %n lines; line %1 is past its end.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::ServerApp</name>
    <message numerus="yes">
        <source>The audit log is intact: %n entry(s), each linked to the one before.</source>
        <translation>
            <numerusform>The audit log is intact: %n entry, linked to the start of the chain.</numerusform>
            <numerusform>The audit log is intact: %n entries, each linked to the one before.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Starters::CreateJob</name>
    <message numerus="yes">
        <source>Created %1 in %2 from %3: %n file(s).</source>
        <translation>
            <numerusform>Created %1 in %2 from %3: %n file.</numerusform>
            <numerusform>Created %1 in %2 from %3: %n files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::SyncClient</name>
    <message numerus="yes">
        <source>Received %n change(s)</source>
        <translation>
            <numerusform>Received %n change</numerusform>
            <numerusform>Received %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applied %n change(s)</source>
        <translation>
            <numerusform>Applied %n change</numerusform>
            <numerusform>Applied %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You are no longer in %1: %n change(s) to its templates that waited here were dropped; your own templates are as they were.</source>
        <translation>
            <numerusform>You are no longer in %1: %n change to its templates that waited here was dropped; your own templates are as they were.</numerusform>
            <numerusform>You are no longer in %1: %n changes to its templates that waited here were dropped; your own templates are as they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to %1&apos;s templates were made here by another account: they wait for it to sign in again.</source>
        <translation>
            <numerusform>%n change to %1&apos;s templates was made here by another account: it waits for it to sign in again.</numerusform>
            <numerusform>%n changes to %1&apos;s templates were made here by another account: they wait for it to sign in again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Downloading %n file(s)…</source>
        <translation>
            <numerusform>Downloading %n file…</numerusform>
            <numerusform>Downloading %n files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ChatView</name>
    <message numerus="yes">
        <source>Context (%n item(s))</source>
        <translation>
            <numerusform>Context (%n item)</numerusform>
            <numerusform>Context (%n items)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more line(s)</source>
        <translation>
            <numerusform>… %n more line</numerusform>
            <numerusform>… %n more lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::CodeView</name>
    <message numerus="yes">
        <source>Binary file, %n byte(s). First bytes:</source>
        <translation>
            <numerusform>Binary file, %n byte. First bytes:</numerusform>
            <numerusform>Binary file, %n bytes. First bytes:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ConflictsDialog</name>
    <message numerus="yes">
        <source>(binary: %n byte(s))</source>
        <translation>
            <numerusform>(binary: %n byte)</numerusform>
            <numerusform>(binary: %n bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::DocsPanel</name>
    <message numerus="yes">
        <source>%n symbol(s)</source>
        <translation>
            <numerusform>%n symbol</numerusform>
            <numerusform>%n symbols</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redone: symbols of %n file(s), %1 reused.</source>
        <translation>
            <numerusform>Redone: symbols of %n file, %1 reused.</numerusform>
            <numerusform>Redone: symbols of %n files, %1 reused.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::FindBar</name>
    <message numerus="yes">
        <source>%1 of %n</source>
        <comment>find: current match of all matches</comment>
        <translation>
            <numerusform>%1 of %n</numerusform>
            <numerusform>%1 of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::FolderWatch</name>
    <message numerus="yes">
        <source>Only the folders of &quot;%1&quot; are watched: its %n file(s) are more than REALM may watch (%2). A file saved in place is picked up by Refresh (F5); raising fs.inotify.max_user_watches lifts the limit.</source>
        <translation>
            <numerusform>Only the folders of &quot;%1&quot; are watched: its %n file is more than REALM may watch (%2). A file saved in place is picked up by Refresh (F5); raising fs.inotify.max_user_watches lifts the limit.</numerusform>
            <numerusform>Only the folders of &quot;%1&quot; are watched: its %n files are more than REALM may watch (%2). A file saved in place is picked up by Refresh (F5); raising fs.inotify.max_user_watches lifts the limit.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ImportRunner</name>
    <message numerus="yes">
        <source>&quot;%1&quot; was imported with %n file(s).</source>
        <translation>
            <numerusform>&quot;%1&quot; was imported with %n file.</numerusform>
            <numerusform>&quot;%1&quot; was imported with %n files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::NewProjectDialog</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ProjectActions</name>
    <message numerus="yes">
        <source>Remove %n project(s) and their files for good? This cannot be undone.</source>
        <translation>
            <numerusform>Remove %n project and their files for good? This cannot be undone.</numerusform>
            <numerusform>Remove %n projects and their files for good? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Emptied the trash: %n project(s) removed for good.</source>
        <translation>
            <numerusform>Emptied the trash: %n project removed for good.</numerusform>
            <numerusform>Emptied the trash: %n projects removed for good.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ProjectListModel</name>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n file, %1</numerusform>
            <numerusform>%n files, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::PromptsDialog</name>
    <message numerus="yes">
        <source>Exported %n template(s) to %1.</source>
        <translation>
            <numerusform>Exported %n template to %1.</numerusform>
            <numerusform>Exported %n templates to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ProviderDialog</name>
    <message numerus="yes">
        <source>✓ Connected: %n model(s) available.</source>
        <translation>
            <numerusform>✓ Connected: %n model available.</numerusform>
            <numerusform>✓ Connected: %n models available.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::SearchPanel</name>
    <message numerus="yes">
        <source>%n matching line(s)</source>
        <translation>
            <numerusform>%n matching line</numerusform>
            <numerusform>%n matching lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n file(s) not downloaded to this machine were not searched.)</source>
        <translation>
            <numerusform>(%n file not downloaded to this machine was not searched.)</numerusform>
            <numerusform>(%n files not downloaded to this machine were not searched.)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::StatsPanel</name>
    <message numerus="yes">
        <source>Analyzed %n new file content(s).</source>
        <translation>
            <numerusform>Analyzed %n new file content.</numerusform>
            <numerusform>Analyzed %n new file contents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::SyncController</name>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n waiting</source>
        <translation>
            <numerusform>Offline · %n waiting</numerusform>
            <numerusform>Offline · %n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept here</source>
        <translation>
            <numerusform>%n kept here</numerusform>
            <numerusform>%n kept here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The team&apos;s changes would delete %n file(s) of this project here: they wait for your answer (Team → Sync Now asks again).</source>
        <translation>
            <numerusform>The team&apos;s changes would delete %n file of this project here: they wait for your answer (Team → Sync Now asks again).</numerusform>
            <numerusform>The team&apos;s changes would delete %n files of this project here: they wait for your answer (Team → Sync Now asks again).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of it were never downloaded here, and no longer can be.</source>
        <translation>
            <numerusform>%n file of it was never downloaded here, and no longer can be.</numerusform>
            <numerusform>%n files of it were never downloaded here, and no longer can be.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not downloaded yet: each downloads when opened.</source>
        <translation>
            <numerusform>%n file not downloaded yet: it downloads when opened.</numerusform>
            <numerusform>%n files not downloaded yet: each downloads when opened.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::TeamActions</name>
    <message numerus="yes">
        <source>Synced; %n change(s) overlapped a teammate&apos;s and were kept as conflict copies: Team → Resolve Conflicts.</source>
        <translation>
            <numerusform>Synced; %n change overlapped a teammate&apos;s and was kept as a conflict copy: Team → Resolve Conflicts.</numerusform>
            <numerusform>Synced; %n changes overlapped a teammate&apos;s and were kept as conflict copies: Team → Resolve Conflicts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n more are here too</source>
        <translation>
            <numerusform>%1, %2 and %n more are here too</numerusform>
            <numerusform>%1, %2 and %n more are here too</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The team&apos;s changes would delete %n file(s) of &quot;%1&quot; — more than half of it. Delete them here too?</source>
        <translation>
            <numerusform>The team&apos;s changes would delete %n file of &quot;%1&quot; — more than half of it. Delete them here too?</numerusform>
            <numerusform>The team&apos;s changes would delete %n files of &quot;%1&quot; — more than half of it. Delete them here too?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The folder of &quot;%1&quot; gets the team&apos;s changes again (%n file(s) written or removed).</source>
        <translation>
            <numerusform>The folder of &quot;%1&quot; gets the team&apos;s changes again (%n file written or removed).</numerusform>
            <numerusform>The folder of &quot;%1&quot; gets the team&apos;s changes again (%n files written or removed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; downloads every file&apos;s contents: %n not here yet are downloaded now.</source>
        <translation>
            <numerusform>&quot;%1&quot; downloads every file&apos;s contents: %n not here yet is downloaded now.</numerusform>
            <numerusform>&quot;%1&quot; downloads every file&apos;s contents: %n not here yet are downloaded now.</numerusform>
        </translation>
    </message>
</context>
</TS>
