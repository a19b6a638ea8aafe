<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Realm::Ui::CodeView</name>
    <message numerus="yes">
        <source>Binary file, %n byte(s). First bytes:</source>
        <translation>
            <numerusform>Binärdatei, %n Byte. Die ersten Bytes:</numerusform>
            <numerusform>Binärdatei, %n Bytes. Die ersten Bytes:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::CommandPalette</name>
    <message>
        <source>Command Palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Type a command</source>
        <translation>Befehl eingeben</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::EditorArea</name>
    <message>
        <source>Find in file (Enter: next, Shift+Enter: previous, Esc: close)</source>
        <translation>In Datei suchen (Eingabe: weiter, Umschalt+Eingabe: zurück, Esc: schließen)</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <source>Line (1–%1):</source>
        <translation>Zeile (1–%1):</translation>
    </message>
    <message>
        <source>Cannot write a copy to %1: %2</source>
        <translation>Kopie kann nicht nach %1 geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::FileTreeModel</name>
    <message>
        <source>%1 (binary file)</source>
        <translation>%1 (Binärdatei)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ImportDialog</name>
    <message>
        <source>Leave out what .gitignore files exclude</source>
        <translation>Auslassen, was .gitignore-Dateien ausschließen</translation>
    </message>
    <message>
        <source>Import Code</source>
        <translation>Code importieren</translation>
    </message>
    <message>
        <source>A folder on this computer</source>
        <translation>Ein Ordner auf diesem Computer</translation>
    </message>
    <message>
        <source>A .zip or .tar(.gz, .bz2, .xz, .zst) file</source>
        <translation>Eine .zip- oder .tar(.gz, .bz2, .xz, .zst)-Datei</translation>
    </message>
    <message>
        <source>https://host/team/repo.git, or a local repository</source>
        <translation>https://host/team/repo.git oder ein lokales Repository</translation>
    </message>
    <message>
        <source>Branch, tag or commit (empty: the default branch)</source>
        <translation>Branch, Tag oder Commit (leer: der Standard-Branch)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>&amp;Archive:</source>
        <translation>&amp;Archiv:</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>&amp;Repository:</translation>
    </message>
    <message>
        <source>&amp;Revision:</source>
        <translation>&amp;Revision:</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>Git</source>
        <translation>Git</translation>
    </message>
    <message>
        <source>Taken from the source when empty</source>
        <translation>Wenn leer, aus der Quelle übernommen</translation>
    </message>
    <message>
        <source>One glob pattern per line, matched against paths in the source (build/, *.min.js, **/node_modules).</source>
        <translation>Ein Glob-Muster pro Zeile, geprüft gegen die Pfade der Quelle (build/, *.min.js, **/node_modules).</translation>
    </message>
    <message>
        <source>Project &amp;name:</source>
        <translation>Projekt&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Leave out:</source>
        <translation>&amp;Auslassen:</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>Ordner importieren</translation>
    </message>
    <message>
        <source>Import Archive</source>
        <translation>Archiv importieren</translation>
    </message>
    <message>
        <source>Archives (*.zip *.tar *.tar.gz *.tgz *.tar.bz2 *.tar.xz *.tar.zst)</source>
        <translation>Archive (*.zip *.tar *.tar.gz *.tgz *.tar.bz2 *.tar.xz *.tar.zst)</translation>
    </message>
    <message>
        <source>Enter the URL or path of a Git repository.</source>
        <translation>Geben Sie die URL oder den Pfad eines Git-Repositorys ein.</translation>
    </message>
    <message>
        <source>Choose what to import first.</source>
        <translation>Wählen Sie zuerst aus, was importiert werden soll.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n Datei, %1</numerusform>
            <numerusform>%n Dateien, %1</numerusform>
        </translation>
    </message>
    <message>
        <source> — %1 skipped, %2 rejected</source>
        <translation> — %1 ausgelassen, %2 abgelehnt</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Import abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Import &amp;Another</source>
        <translation>&amp;Weiteren importieren</translation>
    </message>
    <message numerus="yes">
        <source>Imported &quot;%1&quot;: %n file(s), %2. %3 left out, %4 rejected, %5 warning(s).</source>
        <translation>
            <numerusform>„%1“ importiert: %n Datei, %2. %3 ausgelassen, %4 abgelehnt, %5 Warnung(en).</numerusform>
            <numerusform>„%1“ importiert: %n Dateien, %2. %3 ausgelassen, %4 abgelehnt, %5 Warnung(en).</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation>Abgelehnt (%1)</translation>
    </message>
    <message>
        <source>Left out (%1)</source>
        <translation>Ausgelassen (%1)</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Warnungen (%1)</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::MainWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>REALM</source>
        <translation>REALM</translation>
    </message>
    <message>
        <source>Filter projects (name, description, tags)</source>
        <translation>Projekte filtern (Name, Beschreibung, Schlagwörter)</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>&amp;Ordner importieren …</translation>
    </message>
    <message>
        <source>Import &amp;Archive…</source>
        <translation>&amp;Archiv importieren …</translation>
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation>&amp;Demoprojekt öffnen</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Tab &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find in File…</source>
        <translation>In Datei &amp;suchen …</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>&amp;Gehe zu Zeile …</translation>
    </message>
    <message>
        <source>Find in &amp;Files…</source>
        <translation>In &amp;Dateien suchen …</translation>
    </message>
    <message>
        <source>&amp;Open File in Project…</source>
        <translation>Datei im Projekt ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>&amp;Befehlspalette …</translation>
    </message>
    <message>
        <source>&amp;Word Wrap</source>
        <translation>&amp;Zeilenumbruch</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About REALM</source>
        <translation>&amp;Über REALM</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>Import running</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>An import is still running. Cancel it and quit?</source>
        <translation>Ein Import läuft noch. Abbrechen und beenden?</translation>
    </message>
    <message>
        <source>Wait for the running import to finish, or cancel it.</source>
        <translation>Warten Sie, bis der laufende Import fertig ist, oder brechen Sie ihn ab.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert …</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message numerus="yes">
        <source>Importing: %n file(s), %1 — %2</source>
        <translation>
            <numerusform>Import: %n Datei, %1 — %2</numerusform>
            <numerusform>Import: %n Dateien, %1 — %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Import abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>Imported &quot;%1&quot;: %n file(s)</source>
        <translation>
            <numerusform>„%1“ importiert: %n Datei</numerusform>
            <numerusform>„%1“ importiert: %n Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 skipped, %2 rejected)</source>
        <translation> (%1 übersprungen, %2 abgelehnt)</translation>
    </message>
    <message>
        <source>About REALM</source>
        <translation>Über REALM</translation>
    </message>
    <message>
        <source>&lt;h3&gt;REALM %1&lt;/h3&gt;&lt;p&gt;A native workbench for software developers.&lt;/p&gt;&lt;table&gt;%2&lt;/table&gt;&lt;p&gt;GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;REALM %1&lt;/h3&gt;&lt;p&gt;Eine native Werkbank für Softwareentwickler.&lt;/p&gt;&lt;table&gt;%2&lt;/table&gt;&lt;p&gt;GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>Refreshed &quot;%1&quot;: %2 added, %3 changed, %4 removed</source>
        <translation>„%1“ aktualisiert: %2 neu, %3 geändert, %4 entfernt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was imported with %2 file(s). %3 entries were rejected, %4 skipped, %5 warnings.</source>
        <translation>„%1“ wurde mit %2 Datei(en) importiert. %3 Einträge abgelehnt, %4 übersprungen, %5 Hinweise.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to REALM&lt;/h2&gt;&lt;p&gt;Bring in some code to browse and search it. Open files from the tree on the left; they show up here.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei REALM&lt;/h2&gt;&lt;p&gt;Holen Sie Code herein, um ihn zu durchsuchen und zu lesen. Dateien aus dem Baum links öffnen sich hier.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import from &amp;Git…</source>
        <translation>Aus &amp;Git importieren …</translation>
    </message>
    <message>
        <source>Copy with &amp;Line Numbers</source>
        <translation>Mit &amp;Zeilennummern kopieren</translation>
    </message>
    <message>
        <source>Open in &amp;External Editor</source>
        <translation>In &amp;externem Editor öffnen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;REALM&lt;/h2&gt;&lt;p&gt;Open a file from the tree on the left, or press Ctrl+P to find one by name. Ctrl+Shift+F searches every file; Ctrl+Shift+P lists all commands.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;REALM&lt;/h2&gt;&lt;p&gt;Öffnen Sie eine Datei im Baum links oder drücken Sie Strg+P, um eine nach Namen zu finden. Strg+Umschalt+F durchsucht alle Dateien; Strg+Umschalt+P listet alle Befehle.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Chat about this project&apos;s code will appear here.</source>
        <translation>Hier erscheint der Chat über den Code dieses Projekts.</translation>
    </message>
    <message>
        <source>C&amp;hat Panel</source>
        <translation>C&amp;hat-Bereich</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ProjectActions</name>
    <message>
        <source>&amp;Rename Project…</source>
        <translation>Projekt &amp;umbenennen …</translation>
    </message>
    <message>
        <source>&amp;Edit Description and Tags…</source>
        <translation>Beschreibung und Schlagwörter &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>Re&amp;fresh from Source</source>
        <translation>Aus der &amp;Quelle aktualisieren</translation>
    </message>
    <message>
        <source>Move Project to &amp;Trash</source>
        <translation>Projekt in den &amp;Papierkorb</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Papierkorb …</translation>
    </message>
    <message>
        <source>Renamed to &quot;%1&quot;.</source>
        <translation>Umbenannt in „%1“.</translation>
    </message>
    <message>
        <source>Updated &quot;%1&quot;.</source>
        <translation>„%1“ aktualisiert.</translation>
    </message>
    <message>
        <source>Moved &quot;%1&quot; to the trash.</source>
        <translation>„%1“ in den Papierkorb verschoben.</translation>
    </message>
    <message>
        <source>Restored &quot;%1&quot;.</source>
        <translation>„%1“ wiederhergestellt.</translation>
    </message>
    <message>
        <source>Rename Project</source>
        <translation>Projekt umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. qt, cli</source>
        <translation>Durch Kommas getrennt, z. B. qt, cli</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>Papierkorb &amp;leeren …</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n project(s) and their files for good? This cannot be undone.</source>
        <translation>
            <numerusform>%n Projekt samt Dateien endgültig entfernen? Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>%n Projekte samt Dateien endgültig entfernen? Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Emptied the trash: %n project(s) removed for good.</source>
        <translation>
            <numerusform>Papierkorb geleert: %n Projekt endgültig entfernt.</numerusform>
            <numerusform>Papierkorb geleert: %n Projekte endgültig entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New Empty Project…</source>
        <translation>&amp;Neues leeres Projekt …</translation>
    </message>
    <message>
        <source>Created &quot;%1&quot;.</source>
        <translation>„%1“ angelegt.</translation>
    </message>
    <message>
        <source>New Empty Project</source>
        <translation>Neues leeres Projekt</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ProjectListModel</name>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n Datei, %1</numerusform>
            <numerusform>%n Dateien, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Schlagwörter: %1</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::QuickOpenDialog</name>
    <message>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Type part of a file name or path</source>
        <translation>Teil eines Dateinamens oder Pfads eingeben</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::SearchPanel</name>
    <message>
        <source>Re&amp;gex</source>
        <translation>Re&amp;gulärer Ausdruck</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>&amp;Groß-/Kleinschreibung</translation>
    </message>
    <message>
        <source>&amp;Whole word</source>
        <translation>Ganzes &amp;Wort</translation>
    </message>
    <message>
        <source>Search text (Enter: search now)</source>
        <translation>Suchtext (Eingabe: sofort suchen)</translation>
    </message>
    <message>
        <source>Paths, e.g. *.cpp, src/**, !*.md</source>
        <translation>Pfade, z. B. *.cpp, src/**, !*.md</translation>
    </message>
    <message>
        <source>Space-separated globs; a leading ! excludes</source>
        <translation>Durch Leerzeichen getrennte Muster; ein vorangestelltes ! schließt aus</translation>
    </message>
    <message>
        <source>Language, e.g. cpp</source>
        <translation>Sprache, z. B. cpp</translation>
    </message>
    <message>
        <source>This project</source>
        <translation>Dieses Projekt</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alle Projekte</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>First %1 matching lines shown; narrow the search to see the rest.</source>
        <translation>Die ersten %1 passenden Zeilen werden angezeigt; grenzen Sie die Suche ein, um den Rest zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n matching line(s) in %1 file(s)</source>
        <translation>
            <numerusform>%n passende Zeile in %1 Datei(en)</numerusform>
            <numerusform>%n passende Zeilen in %1 Datei(en)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::SettingsDialog</name>
    <message>
        <source>Skip what .gitignore ignores</source>
        <translation>Überspringen, was .gitignore ignoriert</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Default location</source>
        <translation>Standardort</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Workspace File</source>
        <translation>Arbeitsbereichsdatei</translation>
    </message>
    <message>
        <source>REALM workspaces (*.realm)</source>
        <translation>REALM-Arbeitsbereiche (*.realm)</translation>
    </message>
    <message>
        <source>Workspace (used from the next start)</source>
        <translation>Arbeitsbereich (gilt ab dem nächsten Start)</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source> times its size</source>
        <translation>-fache Größe</translation>
    </message>
    <message>
        <source>Excluded names and paths
(one glob per line):</source>
        <translation>Ausgeschlossene Namen und Pfade
(ein Muster pro Zeile):</translation>
    </message>
    <message>
        <source>Skip files larger than:</source>
        <translation>Dateien überspringen, die größer sind als:</translation>
    </message>
    <message>
        <source>Stop above a total of:</source>
        <translation>Abbrechen ab einer Gesamtgröße von:</translation>
    </message>
    <message>
        <source>Stop above this many files:</source>
        <translation>Abbrechen ab so vielen Dateien:</translation>
    </message>
    <message>
        <source>Stop when an archive expands more than:</source>
        <translation>Abbrechen, wenn ein Archiv sich mehr entpackt als auf das:</translation>
    </message>
    <message>
        <source>Folder and archive imports</source>
        <translation>Import von Ordnern und Archiven</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Farbschema:</translation>
    </message>
    <message>
        <source>Language (from the next start):</source>
        <translation>Sprache (ab dem nächsten Start):</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
</context>
</TS>
