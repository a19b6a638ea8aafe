<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Realm::Analytics</name>
    <message>
        <source>Cannot list the contents to analyze</source>
        <translation>Die zu analysierenden Inhalte können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Cannot save a file&apos;s statistics</source>
        <translation>Die Statistik einer Datei kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot save a file&apos;s markers</source>
        <translation>Die Markierungen einer Datei können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot count the project&apos;s lines</source>
        <translation>Die Zeilen des Projekts können nicht gezählt werden</translation>
    </message>
    <message>
        <source>Cannot find the largest files</source>
        <translation>Die größten Dateien können nicht ermittelt werden</translation>
    </message>
    <message>
        <source>Cannot count the changes per file</source>
        <translation>Die Änderungen pro Datei können nicht gezählt werden</translation>
    </message>
    <message>
        <source>Cannot list the TODO markers</source>
        <translation>Die TODO-Markierungen können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Cannot read the project&apos;s versions</source>
        <translation>Die Versionen des Projekts können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the project</source>
        <translation>Das Projekt kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot keep the project&apos;s statistics</source>
        <translation>Die Statistik des Projekts kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>There is no project %1 in the workspace.</source>
        <translation>Im Arbeitsbereich gibt es kein Projekt %1.</translation>
    </message>
    <message>
        <source>Cannot remove the project&apos;s statistics</source>
        <translation>Die Statistik des Projekts kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot remove a content&apos;s statistics</source>
        <translation>Die Statistik eines Inhalts kann nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>Realm::Analytics::StatsJob</name>
    <message>
        <source>Counting…</source>
        <translation>Zähle…</translation>
    </message>
    <message>
        <source>Analyzing: %1 of %2</source>
        <translation>Analysiere: %1 von %2</translation>
    </message>
</context>
<context>
    <name>Realm::Chat</name>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The provider refused the API key: check the key in the provider settings.</source>
        <translation>Der Anbieter hat den API-Schlüssel abgelehnt: Prüfen Sie den Schlüssel in den Anbietereinstellungen.</translation>
    </message>
    <message>
        <source>The provider does not know this model (or URL): pick another model or check the base URL.</source>
        <translation>Der Anbieter kennt dieses Modell (oder diese URL) nicht: Wählen Sie ein anderes Modell oder prüfen Sie die Basis-URL.</translation>
    </message>
    <message>
        <source>Rate limited: try again in %1 s.</source>
        <translation>Anfragelimit erreicht: Versuchen Sie es in %1 s erneut.</translation>
    </message>
    <message>
        <source>Rate limited: wait a little, then try again.</source>
        <translation>Anfragelimit erreicht: Warten Sie kurz und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The conversation is too long for this model: remove context or start a new conversation.</source>
        <translation>Die Unterhaltung ist zu lang für dieses Modell: Entfernen Sie Kontext oder beginnen Sie eine neue Unterhaltung.</translation>
    </message>
    <message>
        <source>The provider is overloaded: try again later.</source>
        <translation>Der Anbieter ist überlastet: Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The provider refused the request.</source>
        <translation>Der Anbieter hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The provider failed to answer.</source>
        <translation>Der Anbieter konnte nicht antworten.</translation>
    </message>
    <message>
        <source>(It said: %1)</source>
        <translation>(Meldung: %1)</translation>
    </message>
    <message>
        <source>Stopped by the user.</source>
        <translation>Vom Benutzer angehalten.</translation>
    </message>
    <message>
        <source>(no details in the response)</source>
        <translation>(keine Details in der Antwort)</translation>
    </message>
    <message>
        <source>The server&apos;s model list is not in the expected format: %1</source>
        <translation>Die Modellliste des Servers hat nicht das erwartete Format: %1</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (%2). Check the base URL and the system&apos;s certificates.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen (%2). Prüfen Sie die Basis-URL und die Zertifikate des Systems.</translation>
    </message>
    <message>
        <source>%1 sent nothing for %2 seconds.</source>
        <translation>%1 hat %2 Sekunden lang nichts gesendet.</translation>
    </message>
    <message>
        <source>Nothing is listening at %1. Is the server running, and is the base URL right?</source>
        <translation>Unter %1 antwortet nichts. Läuft der Server, und stimmt die Basis-URL?</translation>
    </message>
    <message>
        <source>The host %1 was not found. Check the base URL and the network connection.</source>
        <translation>Der Host %1 wurde nicht gefunden. Prüfen Sie die Basis-URL und die Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The server sent an event that is not JSON: %1</source>
        <translation>Der Server hat ein Ereignis gesendet, das kein JSON ist: %1</translation>
    </message>
    <message>
        <source>The server sent a line that is not JSON: %1</source>
        <translation>Der Server hat eine Zeile gesendet, die kein JSON ist: %1</translation>
    </message>
    <message>
        <source>The server sent a chunk that is not JSON: %1</source>
        <translation>Der Server hat einen Abschnitt gesendet, der kein JSON ist: %1</translation>
    </message>
    <message>
        <source>the connection closed early</source>
        <translation>die Verbindung wurde vorzeitig geschlossen</translation>
    </message>
    <message>
        <source>The model stopped at its length limit before writing anything.</source>
        <translation>Das Modell hat seine Längengrenze erreicht, bevor es etwas geschrieben hat.</translation>
    </message>
    <message>
        <source>The answer stopped before the server finished it (%1).</source>
        <translation>Die Antwort brach ab, bevor der Server sie beendet hatte (%1).</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Repository map</source>
        <translation>Übersicht des Repositorys</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Assistant (%1)</source>
        <translation>Assistent (%1)</translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation>Werkzeugergebnis</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Exported from REALM, %1</source>
        <translation>Aus REALM exportiert, %1</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <source>(stopped before the end)</source>
        <translation>(vor dem Ende angehalten)</translation>
    </message>
    <message>
        <source>(incomplete: %1)</source>
        <translation>(unvollständig: %1)</translation>
    </message>
    <message>
        <source>This is not a conversation exported by REALM (%1).</source>
        <translation>Dies ist keine von REALM exportierte Unterhaltung (%1).</translation>
    </message>
    <message>
        <source>The conversation was exported by a newer REALM; update to import it.</source>
        <translation>Die Unterhaltung wurde von einer neueren REALM-Version exportiert; aktualisieren Sie REALM, um sie zu importieren.</translation>
    </message>
    <message>
        <source>The export is damaged: a message refers to a missing one.</source>
        <translation>Der Export ist beschädigt: Eine Nachricht verweist auf eine fehlende.</translation>
    </message>
    <message>
        <source>Cannot create the conversation</source>
        <translation>Die Unterhaltung kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot look up the conversation</source>
        <translation>Die Unterhaltung kann nicht gesucht werden</translation>
    </message>
    <message>
        <source>There is no conversation %1. `realm-cli chat list` shows them.</source>
        <translation>Es gibt keine Unterhaltung %1. `realm-cli chat list` zeigt sie an.</translation>
    </message>
    <message>
        <source>Cannot list the conversations</source>
        <translation>Die Unterhaltungen können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Cannot change the conversation</source>
        <translation>Die Unterhaltung kann nicht geändert werden</translation>
    </message>
    <message>
        <source>There is no conversation %1.</source>
        <translation>Es gibt keine Unterhaltung %1.</translation>
    </message>
    <message>
        <source>A conversation title cannot be empty.</source>
        <translation>Der Titel einer Unterhaltung darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Cannot save the message</source>
        <translation>Die Nachricht kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot save the answer as it arrives</source>
        <translation>Die Antwort kann während des Eintreffens nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot save the answer</source>
        <translation>Die Antwort kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The message %1 is gone.</source>
        <translation>Die Nachricht %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Cannot read the message</source>
        <translation>Die Nachricht kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>There is no message %1.</source>
        <translation>Es gibt keine Nachricht %1.</translation>
    </message>
    <message>
        <source>Cannot read the conversation</source>
        <translation>Die Unterhaltung kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The message %1 belongs to another conversation.</source>
        <translation>Die Nachricht %1 gehört zu einer anderen Unterhaltung.</translation>
    </message>
    <message>
        <source>Type a word to search the conversations for.</source>
        <translation>Geben Sie ein Wort ein, nach dem in den Unterhaltungen gesucht werden soll.</translation>
    </message>
    <message>
        <source>Cannot search the conversations</source>
        <translation>Die Unterhaltungen können nicht durchsucht werden</translation>
    </message>
    <message>
        <source>Cannot mark interrupted answers</source>
        <translation>Unterbrochene Antworten können nicht markiert werden</translation>
    </message>
    <message>
        <source>A provider profile needs a name.</source>
        <translation>Ein Anbieterprofil braucht einen Namen.</translation>
    </message>
    <message>
        <source>The base URL &quot;%1&quot; is not an http(s) URL, e.g. http://127.0.0.1:11434 or https://api.openai.com/v1.</source>
        <translation>Die Basis-URL „%1“ ist keine http(s)-URL wie http://127.0.0.1:11434 oder https://api.openai.com/v1.</translation>
    </message>
    <message>
        <source>A provider named &quot;%1&quot; already exists.</source>
        <translation>Ein Anbieter namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Cannot save the provider</source>
        <translation>Der Anbieter kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot look up the provider</source>
        <translation>Der Anbieter kann nicht gesucht werden</translation>
    </message>
    <message>
        <source>There is no provider named &quot;%1&quot;. `realm-cli provider list` shows them.</source>
        <translation>Es gibt keinen Anbieter namens „%1“. `realm-cli provider list` zeigt sie an.</translation>
    </message>
    <message>
        <source>Cannot list the providers</source>
        <translation>Die Anbieter können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>The provider %1 no longer exists.</source>
        <translation>Der Anbieter %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Cannot remove the provider</source>
        <translation>Der Anbieter kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot remember the provider&apos;s models</source>
        <translation>Die Modelle des Anbieters können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The API key of &quot;%1&quot; was kept for one session only (no keychain was available): enter it again.</source>
        <translation>Der API-Schlüssel von „%1“ wurde nur für eine Sitzung aufbewahrt (es war kein Schlüsselbund verfügbar): Geben Sie ihn erneut ein.</translation>
    </message>
    <message>
        <source>%1 redirected the request to another server (%2). REALM does not follow it, because the request carries your API key and your code. Check the base URL in the provider settings (it may need https:// or another path).</source>
        <translation>%1 hat die Anfrage an einen anderen Server umgeleitet (%2). REALM folgt der Umleitung nicht, weil die Anfrage Ihren API-Schlüssel und Ihren Code enthält. Prüfen Sie die Basis-URL in den Anbietereinstellungen (vielleicht braucht sie https:// oder einen anderen Pfad).</translation>
    </message>
    <message>
        <source>no address given</source>
        <translation>keine Adresse angegeben</translation>
    </message>
    <message>
        <source>%1 is a binary file; only text can be sent as context.</source>
        <translation>%1 ist eine Binärdatei; als Kontext lässt sich nur Text senden.</translation>
    </message>
    <message>
        <source>Cannot find the code for this question: %1</source>
        <translation>Der Code zu dieser Frage lässt sich nicht finden: %1</translation>
    </message>
    <message>
        <source>Cannot read the code index</source>
        <translation>Der Code-Index kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot update the code index</source>
        <translation>Der Code-Index kann nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>Cannot search the code index</source>
        <translation>Der Code-Index kann nicht durchsucht werden</translation>
    </message>
    <message>
        <source>Cannot remove a file from the code index</source>
        <translation>Eine Datei kann nicht aus dem Code-Index entfernt werden</translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s (%1 of %2)</source>
        <translation>
            <numerusform>Neuer Versuch in %n s (%1 von %2)</numerusform>
            <numerusform>Neuer Versuch in %n s (%1 von %2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the project&apos;s conversations</source>
        <translation>Die Unterhaltungen des Projekts können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot save the conversation the server sent</source>
        <translation>Die vom Server gesendete Unterhaltung kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot record the project&apos;s conversations to send</source>
        <translation>Die zu sendenden Unterhaltungen des Projekts können nicht vermerkt werden</translation>
    </message>
</context>
<context>
    <name>Realm::Chat::AskJob</name>
    <message>
        <source>No provider to ask.</source>
        <translation>Kein Anbieter, der gefragt werden kann.</translation>
    </message>
    <message>
        <source>Finding context…</source>
        <translation>Kontext wird gesucht …</translation>
    </message>
    <message>
        <source>Indexing the project for chat: %1 of %2 files…</source>
        <translation>Projekt wird für den Chat indiziert: %1 von %2 Dateien …</translation>
    </message>
</context>
<context>
    <name>Realm::Chat::ChatSession</name>
    <message>
        <source>No model is chosen: pick one of the provider&apos;s models, or set the provider&apos;s default model (Test Connection lists them; the CLI takes --model).</source>
        <translation>Es ist kein Modell gewählt: Wählen Sie eines der Modelle des Anbieters oder legen Sie sein Standardmodell fest („Verbindung testen“ listet sie auf; die CLI nimmt --model).</translation>
    </message>
</context>
<context>
    <name>Realm::Common</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 is the open workspace %2 (or one of its files): writing there would replace every project, conversation and document in it. Nothing was written; choose another place.</source>
        <translation>%1 ist der geöffnete Arbeitsbereich %2 (oder eine seiner Dateien): Dorthin zu schreiben würde jedes Projekt, jede Unterhaltung und jedes Dokument darin ersetzen. Es wurde nichts geschrieben; wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a template of several organizations: name the one you mean (%2).</source>
        <translation>„%1“ ist eine Vorlage mehrerer Organisationen: Nennen Sie die gemeinte (%2).</translation>
    </message>
</context>
<context>
    <name>Realm::Docs</name>
    <message>
        <source>Universal Ctags is not installed: install the universal-ctags package to extract symbols.</source>
        <translation>Universal Ctags ist nicht installiert: Installieren Sie das Paket universal-ctags, um Symbole zu extrahieren.</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder: %1</source>
        <translation>Ein temporärer Ordner kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Universal Ctags failed: %1</source>
        <translation>Universal Ctags ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Top level</source>
        <translation>Oberste Ebene</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 — API reference</source>
        <translation>%1 — API-Referenz</translation>
    </message>
    <message>
        <source>Generated by REALM on %1</source>
        <translation>Erzeugt von REALM am %1</translation>
    </message>
    <message>
        <source>Generated by REALM on %1, written by %2</source>
        <translation>Erzeugt von REALM am %1, geschrieben von %2</translation>
    </message>
    <message>
        <source>%1 source files · %2 of %3 public symbols documented (%4 %)</source>
        <translation>%1 Quelldateien · %2 von %3 öffentlichen Symbolen dokumentiert (%4 %)</translation>
    </message>
    <message>
        <source>%1 — overview</source>
        <translation>%1 — Überblick</translation>
    </message>
    <message>
        <source>A custom document needs a prompt: what the model should write.</source>
        <translation>Ein eigenes Dokument braucht einen Prompt: was das Modell schreiben soll.</translation>
    </message>
    <message>
        <source>Reading the symbol cache failed</source>
        <translation>Der Symbol-Cache konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Saving the symbol cache failed</source>
        <translation>Der Symbol-Cache konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Reading a cached summary failed</source>
        <translation>Eine zwischengespeicherte Zusammenfassung konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Saving a summary failed</source>
        <translation>Eine Zusammenfassung konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Reading the templates failed</source>
        <translation>Die Vorlagen konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Reading a template failed</source>
        <translation>Eine Vorlage konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>There is no template named &quot;%1&quot; (realm-cli docs template list shows them).</source>
        <translation>Es gibt keine Vorlage namens „%1“ (realm-cli docs template list zeigt sie).</translation>
    </message>
    <message>
        <source>A template needs a name.</source>
        <translation>Eine Vorlage braucht einen Namen.</translation>
    </message>
    <message>
        <source>&quot;built-in&quot; names REALM&apos;s own templates; choose another name.</source>
        <translation>„built-in“ bezeichnet REALMs eigene Vorlagen; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Saving the template failed</source>
        <translation>Die Vorlage konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Removing the template failed</source>
        <translation>Die Vorlage konnte nicht entfernt werden</translation>
    </message>
    <message>
        <source>There is no template named &quot;%1&quot;.</source>
        <translation>Es gibt keine Vorlage namens „%1“.</translation>
    </message>
    <message>
        <source>Saving the document failed</source>
        <translation>Das Dokument konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Reading the documents failed</source>
        <translation>Die Dokumente konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>There is no document %1 (realm-cli docs list PROJECT shows them).</source>
        <translation>Es gibt kein Dokument %1 (realm-cli docs list PROJEKT zeigt sie).</translation>
    </message>
    <message>
        <source>%1 names more than one document; give more of the id.</source>
        <translation>%1 passt auf mehrere Dokumente; geben Sie mehr von der ID an.</translation>
    </message>
    <message>
        <source>Removing the document failed</source>
        <translation>Das Dokument konnte nicht entfernt werden</translation>
    </message>
    <message>
        <source>There is no document %1.</source>
        <translation>Es gibt kein Dokument %1.</translation>
    </message>
    <message>
        <source>The model wrote nothing about %1; try again or choose another model.</source>
        <translation>Das Modell hat nichts über %1 geschrieben; versuchen Sie es erneut oder wählen Sie ein anderes Modell.</translation>
    </message>
    <message>
        <source>Only the API reference can leave out undocumented symbols (--documented-only is for --kind api).</source>
        <translation>Nur die API-Referenz kann undokumentierte Symbole weglassen (--documented-only gilt für --kind api).</translation>
    </message>
    <message>
        <source>Cannot remove the project&apos;s documents</source>
        <translation>Die Dokumente des Projekts können nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot remove a content&apos;s symbols</source>
        <translation>Die Symbole eines Inhalts können nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot read the project&apos;s documents</source>
        <translation>Die Dokumente des Projekts können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot record the project&apos;s documents to send</source>
        <translation>Die zu sendenden Dokumente des Projekts können nicht vermerkt werden</translation>
    </message>
    <message>
        <source>Cannot save the document the server sent</source>
        <translation>Das vom Server gesendete Dokument kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The template %1 is for &quot;%2&quot;: a template is for api, overview or custom.</source>
        <translation>Die Vorlage %1 ist für „%2“: Eine Vorlage ist für api, overview oder custom.</translation>
    </message>
    <message>
        <source>The template %1 has no text.</source>
        <translation>Die Vorlage %1 hat keinen Text.</translation>
    </message>
    <message>
        <source>The custom template %1 needs a prompt: what the model should write.</source>
        <translation>Die eigene Vorlage %1 braucht einen Prompt: was das Modell schreiben soll.</translation>
    </message>
    <message>
        <source>%1 is %2&apos;s template: its admins withdraw it (realm-cli docs template withdraw %3 --org %2).</source>
        <translation>%1 ist eine Vorlage von %2: Ihre Administratoren ziehen sie zurück (realm-cli docs template withdraw %3 --org %2).</translation>
    </message>
    <message>
        <source>%1 is not a documentation template REALM exported: it is not a JSON object (%2).</source>
        <translation>%1 ist keine von REALM exportierte Dokumentationsvorlage: Es ist kein JSON-Objekt (%2).</translation>
    </message>
    <message>
        <source>%1 is not a documentation template REALM exported (no &quot;body&quot;).</source>
        <translation>%1 ist keine von REALM exportierte Dokumentationsvorlage (kein „body“).</translation>
    </message>
    <message>
        <source>another JSON value</source>
        <translation>ein anderer JSON-Wert</translation>
    </message>
    <message>
        <source>You already have a documentation template named &quot;%1&quot;.</source>
        <translation>Sie haben bereits eine Dokumentationsvorlage namens „%1“.</translation>
    </message>
</context>
<context>
    <name>Realm::Docs::GenerateJob</name>
    <message>
        <source>Reading symbols: %1 of %2 files</source>
        <translation>Lese Symbole: %1 von %2 Dateien</translation>
    </message>
    <message>
        <source>The overview and custom documents are written by a model: set up a provider first, e.g. a local Ollama.</source>
        <translation>Die Übersicht und eigene Dokumente schreibt ein Modell: Richten Sie zuerst einen Anbieter ein, z. B. ein lokales Ollama.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Abgebrochen: Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>Cannot create a temporary workspace: %1</source>
        <translation>Kann keinen vorübergehenden Arbeitsbereich anlegen: %1</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>Frage %1…</translation>
    </message>
    <message>
        <source>Writing summaries: %1 of %2 %3</source>
        <translation>Schreibe Zusammenfassungen: %1 von %2 %3</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The summaries written so far are kept; generating the document again goes on from there.</source>
        <translation>Die bisher geschriebenen Zusammenfassungen bleiben erhalten; ein neuer Lauf macht dort weiter.</translation>
    </message>
    <message>
        <source>Writing the document…</source>
        <translation>Schreibe das Dokument…</translation>
    </message>
    <message>
        <source>No workspace to read the project from.</source>
        <translation>Kein Arbeitsbereich, aus dem das Projekt gelesen werden kann.</translation>
    </message>
</context>
<context>
    <name>Realm::Docs::OrgDocs</name>
    <message>
        <source>Saving the organization&apos;s documentation template failed</source>
        <translation>Die Dokumentationsvorlage der Organisation konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Reading the organizations&apos; documentation templates failed</source>
        <translation>Die Dokumentationsvorlagen der Organisationen konnten nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>Realm::Markup</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>On this page</source>
        <translation>Auf dieser Seite</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>The folder %1 already holds %2, which is not part of a site REALM wrote there. Nothing was written: choose an empty or new folder.</source>
        <translation>Der Ordner %1 enthält bereits %2; das gehört nicht zu einer Website, die REALM dort geschrieben hat. Es wurde nichts geschrieben: Wählen Sie einen leeren oder neuen Ordner.</translation>
    </message>
    <message>
        <source>The site list %1 in %2 is damaged. Nothing was written: choose an empty or new folder.</source>
        <translation>Die Dateiliste %1 der Website in %2 ist beschädigt. Es wurde nichts geschrieben: Wählen Sie einen leeren oder neuen Ordner.</translation>
    </message>
</context>
<context>
    <name>Realm::Mustache</name>
    <message>
        <source>sections are nested more than %1 deep</source>
        <translation>Abschnitte sind tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>it ran longer than %1 seconds</source>
        <translation>sie lief länger als %1 Sekunden</translation>
    </message>
    <message>
        <source>it would write more than %1 MiB</source>
        <translation>sie würde mehr als %1 MiB schreiben</translation>
    </message>
    <message>
        <source>The template nests sections more than %1 deep; REALM does not render it.</source>
        <translation>Die Vorlage verschachtelt Abschnitte tiefer als %1 Ebenen; REALM rendert sie nicht.</translation>
    </message>
    <message>
        <source>The template is not valid Mustache: %1</source>
        <translation>Die Vorlage ist kein gültiges Mustache: %1</translation>
    </message>
    <message>
        <source>The template was stopped: %1.</source>
        <translation>Die Vorlage wurde abgebrochen: %1.</translation>
    </message>
    <message>
        <source>The template failed: %1</source>
        <translation>Die Vorlage ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The template includes {{&gt; %1}}, but REALM templates have no partials (and never read values as templates). Remove the tag.</source>
        <translation>Die Vorlage bindet {{&gt; %1}} ein, aber REALM-Vorlagen haben keine Partials (und lesen Werte nie als Vorlagen). Entfernen Sie das Tag.</translation>
    </message>
</context>
<context>
    <name>Realm::Pdf</name>
    <message>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
</context>
<context>
    <name>Realm::Projects</name>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>The archive %1 does not exist.</source>
        <translation>Das Archiv %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 cannot be opened as a ZIP or tar archive: %2. Nothing was imported.</source>
        <translation>%1 kann nicht als ZIP- oder tar-Archiv geöffnet werden: %2. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The archive %1 is damaged or truncated: %2. Nothing was imported.</source>
        <translation>Das Archiv %1 ist beschädigt oder unvollständig: %2. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>(unnamed entry)</source>
        <translation>(unbenannter Eintrag)</translation>
    </message>
    <message>
        <source>hard link (not stored)</source>
        <translation>harter Link (nicht gespeichert)</translation>
    </message>
    <message>
        <source>symlink to %1 (not stored)</source>
        <translation>symbolischer Link auf %1 (nicht gespeichert)</translation>
    </message>
    <message>
        <source>symlink points outside the project (%1)</source>
        <translation>symbolischer Link zeigt aus dem Projekt hinaus (%1)</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>encrypted entry (not supported)</source>
        <translation>verschlüsselter Eintrag (nicht unterstützt)</translation>
    </message>
    <message>
        <source>larger than the per-file limit (%1 &gt; %2)</source>
        <translation>größer als die Obergrenze pro Datei (%1 &gt; %2)</translation>
    </message>
    <message>
        <source>The archive %1 is damaged or truncated at %2: %3. Nothing was imported.</source>
        <translation>Das Archiv %1 ist bei %2 beschädigt oder unvollständig: %3. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>cannot be unpacked: %1</source>
        <translation>kann nicht entpackt werden: %1</translation>
    </message>
    <message>
        <source>The archive unpacks to more than the total import limit of %1 (stopped at %2). Nothing was imported. Raise the limit (--max-total-size) if this is expected.</source>
        <translation>Entpackt ist das Archiv größer als die Gesamtobergrenze für Importe von %1 (abgebrochen bei %2). Es wurde nichts importiert. Erhöhen Sie die Grenze (--max-total-size), falls das zu erwarten war.</translation>
    </message>
    <message>
        <source>The archive expands more than %1 times its compressed size (at %2): it looks like an archive bomb. Nothing was imported. Raise the limit (--max-ratio) if you trust it.</source>
        <translation>Das Archiv entpackt sich auf mehr als das %1-Fache seiner komprimierten Größe (bei %2): Es sieht nach einer Archivbombe aus. Es wurde nichts importiert. Erhöhen Sie die Grenze (--max-ratio), wenn Sie dem Archiv vertrauen.</translation>
    </message>
    <message>
        <source>larger than the per-file limit (%1)</source>
        <translation>größer als die Obergrenze pro Datei (%1)</translation>
    </message>
    <message>
        <source>Cannot clean up unused file contents</source>
        <translation>Nicht mehr verwendete Dateiinhalte können nicht bereinigt werden</translation>
    </message>
    <message>
        <source>Cannot list unused file contents</source>
        <translation>Nicht mehr verwendete Dateiinhalte können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Cannot remove a file from the search index</source>
        <translation>Eine Datei kann nicht aus dem Suchindex entfernt werden</translation>
    </message>
    <message>
        <source>Cannot remove unused file contents</source>
        <translation>Nicht mehr verwendete Dateiinhalte können nicht entfernt werden</translation>
    </message>
    <message>
        <source>The import was already finished.</source>
        <translation>Der Import war bereits abgeschlossen.</translation>
    </message>
    <message>
        <source>Cannot open the workspace for writing.</source>
        <translation>Der Arbeitsbereich kann nicht zum Schreiben geöffnet werden.</translation>
    </message>
    <message>
        <source>Cannot save the import</source>
        <translation>Der Import kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot store %1</source>
        <translation>%1 kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>folder cannot be read (check its permissions)</source>
        <translation>Ordner kann nicht gelesen werden (prüfen Sie seine Berechtigungen)</translation>
    </message>
    <message>
        <source>excluded by the import settings</source>
        <translation>durch die Importeinstellungen ausgeschlossen</translation>
    </message>
    <message>
        <source>broken symlink</source>
        <translation>defekter symbolischer Link</translation>
    </message>
    <message>
        <source>symlink to a folder (not followed)</source>
        <translation>symbolischer Link auf einen Ordner (nicht verfolgt)</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be read: check its permissions.</source>
        <translation>Der Ordner %1 kann nicht gelesen werden: Prüfen Sie seine Berechtigungen.</translation>
    </message>
    <message>
        <source>git submodule (not imported)</source>
        <translation>Git-Submodul (nicht importiert)</translation>
    </message>
    <message>
        <source>unsupported git entry</source>
        <translation>nicht unterstützter Git-Eintrag</translation>
    </message>
    <message>
        <source>object missing from the repository: %1</source>
        <translation>Objekt fehlt im Repository: %1</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder to clone %1 into: %2</source>
        <translation>Für das Klonen von %1 kann kein temporärer Ordner angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot clone %1: %2. Check the URL and your network connection.</source>
        <translation>%1 kann nicht geklont werden: %2. Prüfen Sie die URL und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>%1 is not a git repository: %2</source>
        <translation>%1 ist kein Git-Repository: %2</translation>
    </message>
    <message>
        <source>The repository %1 has no branch, tag or commit &quot;%2&quot;: %3</source>
        <translation>Das Repository %1 hat keinen Branch, kein Tag und keinen Commit „%2“: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in %2 does not name a commit: %3</source>
        <translation>„%1“ in %2 bezeichnet keinen Commit: %3</translation>
    </message>
    <message>
        <source>Cannot read the files of commit %1: %2</source>
        <translation>Die Dateien von Commit %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>unknown git error</source>
        <translation>unbekannter Git-Fehler</translation>
    </message>
    <message>
        <source>Name a folder, an archive or a git URL to import.</source>
        <translation>Geben Sie einen Ordner, ein Archiv oder eine Git-URL zum Importieren an.</translation>
    </message>
    <message>
        <source>%1 does not exist. Give a folder, a .zip/.tar(.gz/.bz2/.xz/.zst) archive or a git URL.</source>
        <translation>%1 existiert nicht. Geben Sie einen Ordner, ein .zip/.tar(.gz/.bz2/.xz/.zst)-Archiv oder eine Git-URL an.</translation>
    </message>
    <message>
        <source>--ref needs a git repository, and %1 is not one.</source>
        <translation>--ref erfordert ein Git-Repository, und %1 ist keins.</translation>
    </message>
    <message>
        <source>This project was not imported from anywhere, so it cannot be refreshed.</source>
        <translation>Dieses Projekt wurde aus keiner Quelle importiert und kann daher nicht aktualisiert werden.</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>The search query is empty.</source>
        <translation>Die Suchanfrage ist leer.</translation>
    </message>
    <message>
        <source>Searches match within one line: remove the line break from the query.</source>
        <translation>Die Suche findet Treffer nur innerhalb einer Zeile: Entfernen Sie den Zeilenumbruch aus der Suchanfrage.</translation>
    </message>
    <message>
        <source>The regular expression is not valid: %1 (at offset %2).</source>
        <translation>Der reguläre Ausdruck ist ungültig: %1 (an Position %2).</translation>
    </message>
    <message>
        <source>empty path</source>
        <translation>leerer Pfad</translation>
    </message>
    <message>
        <source>path contains a control character</source>
        <translation>Pfad enthält ein Steuerzeichen</translation>
    </message>
    <message>
        <source>path contains a backslash</source>
        <translation>Pfad enthält einen Backslash</translation>
    </message>
    <message>
        <source>absolute path</source>
        <translation>absoluter Pfad</translation>
    </message>
    <message>
        <source>path contains &quot;..&quot;</source>
        <translation>Pfad enthält „..“</translation>
    </message>
    <message>
        <source>path names no file</source>
        <translation>Pfad bezeichnet keine Datei</translation>
    </message>
    <message>
        <source>differs from %1 only in case or Unicode form: both are kept, but they would collide on a case-insensitive file system</source>
        <translation>unterscheidet sich von %1 nur in Groß-/Kleinschreibung oder Unicode-Form: Beide werden behalten, würden aber auf einem Dateisystem ohne Unterscheidung von Groß- und Kleinschreibung kollidieren</translation>
    </message>
    <message>
        <source>duplicate entry (the first one was kept)</source>
        <translation>doppelter Eintrag (der erste wurde behalten)</translation>
    </message>
    <message>
        <source>The source has more than %1 files, the import limit. Nothing was imported. Exclude generated folders, or raise the limit (--max-files).</source>
        <translation>Die Quelle enthält mehr als %1 Dateien, die Obergrenze für Importe. Es wurde nichts importiert. Schließen Sie generierte Ordner aus oder erhöhen Sie die Grenze (--max-files).</translation>
    </message>
    <message>
        <source>The source holds more than %1, the total import limit (stopped at %2). Nothing was imported. Raise the limit (--max-total-size) if this is expected.</source>
        <translation>Die Quelle umfasst mehr als %1, die Gesamtobergrenze für Importe (abgebrochen bei %2). Es wurde nichts importiert. Erhöhen Sie die Grenze (--max-total-size), falls das zu erwarten war.</translation>
    </message>
    <message>
        <source>Cannot finish the project</source>
        <translation>Das Projekt kann nicht fertiggestellt werden</translation>
    </message>
    <message>
        <source>The project was moved to the trash or removed while it was being refreshed; nothing was changed.</source>
        <translation>Das Projekt wurde in den Papierkorb verschoben oder entfernt, während es aktualisiert wurde; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The project was moved to the trash or removed while it was being imported; nothing was changed.</source>
        <translation>Das Projekt wurde in den Papierkorb verschoben oder entfernt, während es importiert wurde; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot remove the failed import</source>
        <translation>Der fehlgeschlagene Import kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>A project named &quot;%1&quot; already exists. Choose another name (--name) or refresh that project.</source>
        <translation>Ein Projekt namens „%1“ existiert bereits. Wählen Sie einen anderen Namen (--name) oder aktualisieren Sie jenes Projekt.</translation>
    </message>
    <message>
        <source>Cannot create the import lock %1 next to the workspace. Check the folder&apos;s permissions.</source>
        <translation>Die Importsperre %1 neben dem Arbeitsbereich kann nicht angelegt werden. Prüfen Sie die Berechtigungen des Ordners.</translation>
    </message>
    <message>
        <source>A project named &quot;%1&quot; already exists (or is being imported). Choose another name (--name).</source>
        <translation>Ein Projekt namens „%1“ existiert bereits (oder wird gerade importiert). Wählen Sie einen anderen Namen (--name).</translation>
    </message>
    <message>
        <source>Cannot start the import</source>
        <translation>Der Import kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>Cannot read the project&apos;s files</source>
        <translation>Die Dateien des Projekts können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot mark a removed file</source>
        <translation>Eine entfernte Datei kann nicht markiert werden</translation>
    </message>
    <message>
        <source>Cannot record a file&apos;s modification time</source>
        <translation>Der Änderungszeitpunkt einer Datei kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>A project needs a name.</source>
        <translation>Ein Projekt braucht einen Namen.</translation>
    </message>
    <message>
        <source>A project name can have at most 200 characters.</source>
        <translation>Ein Projektname darf höchstens 200 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A project named &quot;%1&quot; already exists. Choose another name.</source>
        <translation>Ein Projekt namens „%1“ existiert bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Cannot create the project &quot;%1&quot;</source>
        <translation>Das Projekt „%1“ kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot look up the project &quot;%1&quot;</source>
        <translation>Das Projekt „%1“ kann nicht abgefragt werden</translation>
    </message>
    <message>
        <source>No project named &quot;%1&quot;. `realm-cli project list` shows the projects.</source>
        <translation>Es gibt kein Projekt namens „%1“. `realm-cli project list` zeigt die Projekte an.</translation>
    </message>
    <message>
        <source>No project named &quot;%1&quot; (outside the trash). `realm-cli project list` shows the projects.</source>
        <translation>Es gibt kein Projekt namens „%1“ (außerhalb des Papierkorbs). `realm-cli project list` zeigt die Projekte an.</translation>
    </message>
    <message>
        <source>Cannot list the projects</source>
        <translation>Die Projekte können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Cannot change the project</source>
        <translation>Das Projekt kann nicht geändert werden</translation>
    </message>
    <message>
        <source>The project %1 does not exist.</source>
        <translation>Das Projekt %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot move the project to the trash</source>
        <translation>Das Projekt kann nicht in den Papierkorb verschoben werden</translation>
    </message>
    <message>
        <source>The project %1 is not in the workspace (or already in the trash).</source>
        <translation>Das Projekt %1 ist nicht im Arbeitsbereich (oder bereits im Papierkorb).</translation>
    </message>
    <message>
        <source>Another project already has this project&apos;s name. Rename that one first, then restore.</source>
        <translation>Ein anderes Projekt trägt bereits den Namen dieses Projekts. Benennen Sie zuerst jenes um und stellen Sie dann dieses wieder her.</translation>
    </message>
    <message>
        <source>Cannot restore the project</source>
        <translation>Das Projekt kann nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>The project %1 is not in the trash.</source>
        <translation>Das Projekt %1 ist nicht im Papierkorb.</translation>
    </message>
    <message>
        <source>Cannot empty the trash</source>
        <translation>Der Papierkorb kann nicht geleert werden</translation>
    </message>
    <message>
        <source>Cannot list the project&apos;s files</source>
        <translation>Die Dateien des Projekts können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Cannot look up %1</source>
        <translation>%1 kann nicht abgefragt werden</translation>
    </message>
    <message>
        <source>The project has no file %1.</source>
        <translation>Das Projekt enthält keine Datei %1.</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The contents of %1 are missing from the workspace.</source>
        <translation>Der Inhalt von %1 fehlt im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Cannot count the project&apos;s languages</source>
        <translation>Die Sprachen des Projekts können nicht gezählt werden</translation>
    </message>
    <message>
        <source>Cannot remove an interrupted import</source>
        <translation>Ein unterbrochener Import kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>The path glob &quot;%1&quot; is not valid.</source>
        <translation>Das Pfadmuster „%1“ ist ungültig.</translation>
    </message>
    <message>
        <source>Cannot map the workspace</source>
        <translation>Der Arbeitsbereich kann nicht in den Speicher eingeblendet werden</translation>
    </message>
    <message>
        <source>Cannot search the workspace</source>
        <translation>Der Arbeitsbereich kann nicht durchsucht werden</translation>
    </message>
    <message>
        <source>Cannot create the folder for %1.</source>
        <translation>Der Ordner für %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Writing %1 into %2 failed: %3</source>
        <translation>%1 konnte nicht in %2 geschrieben werden: %3</translation>
    </message>
    <message>
        <source>Cannot finish %1: %2</source>
        <translation>%1 kann nicht abgeschlossen werden: %2</translation>
    </message>
    <message>
        <source>Cannot move the archive to %1: %2</source>
        <translation>Das Archiv kann nicht nach %1 verschoben werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is a folder with files but not a Git repository; choose an empty or new folder, or a repository.</source>
        <translation>%1 ist ein Ordner mit Dateien, aber kein Git-Repository; wählen Sie einen leeren oder neuen Ordner oder ein Repository.</translation>
    </message>
    <message>
        <source>Cannot create a Git repository in %1</source>
        <translation>In %1 kann kein Git-Repository angelegt werden</translation>
    </message>
    <message>
        <source>The project has no versions to export yet: import or refresh it first.</source>
        <translation>Das Projekt hat noch keine Versionen zum Exportieren: importieren oder aktualisieren Sie es zuerst.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid Git branch name.</source>
        <translation>„%1“ ist kein gültiger Git-Branch-Name.</translation>
    </message>
    <message>
        <source>Cannot read the branch&apos;s last commit</source>
        <translation>Der letzte Commit des Branches kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The branch %1 in %2 has commits REALM did not make for this project on top; nothing was exported. Export to another branch (--branch) or folder.</source>
        <translation>Der Branch %1 in %2 hat darüber Commits, die nicht REALM für dieses Projekt gemacht hat; nichts wurde exportiert. Exportieren Sie in einen anderen Branch (--branch) oder Ordner.</translation>
    </message>
    <message>
        <source>Cannot prepare the commit</source>
        <translation>Der Commit kann nicht vorbereitet werden</translation>
    </message>
    <message>
        <source>Cannot read the branch&apos;s last tree</source>
        <translation>Der letzte Stand des Branches kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot write %1 into the repository</source>
        <translation>%1 kann nicht ins Repository geschrieben werden</translation>
    </message>
    <message>
        <source>Cannot add %1 to the commit</source>
        <translation>%1 kann nicht zum Commit hinzugefügt werden</translation>
    </message>
    <message>
        <source>Cannot write the tree of version %1</source>
        <translation>Der Dateibaum von Version %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>The author &quot;%1 &lt;%2&gt;&quot; cannot sign a commit</source>
        <translation>Der Autor „%1 &lt;%2&gt;“ kann keinen Commit zeichnen</translation>
    </message>
    <message>
        <source>Cannot commit version %1</source>
        <translation>Version %1 kann nicht committet werden</translation>
    </message>
    <message>
        <source>Cannot move the branch %1</source>
        <translation>Der Branch %1 kann nicht verschoben werden</translation>
    </message>
    <message>
        <source>Cannot point HEAD at %1</source>
        <translation>HEAD kann nicht auf %1 zeigen</translation>
    </message>
    <message>
        <source>The work tree was not updated (%1): the commits are in the repository; run git checkout there.</source>
        <translation>Das Arbeitsverzeichnis wurde nicht aktualisiert (%1): die Commits sind im Repository; führen Sie dort git checkout aus.</translation>
    </message>
    <message>
        <source>Cannot record the project&apos;s new version</source>
        <translation>Die neue Version des Projekts kann nicht festgehalten werden</translation>
    </message>
    <message>
        <source>Cannot read the project&apos;s versions</source>
        <translation>Die Versionen des Projekts können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read what a version changed</source>
        <translation>Die Änderungen einer Version können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot record the project&apos;s files</source>
        <translation>Die Dateien des Projekts können nicht festgehalten werden</translation>
    </message>
    <message>
        <source>The ZIP archive %1 is incomplete: its end (the central directory that lists its files) is missing, as after an interrupted download. Nothing was imported. Download or copy it again.</source>
        <translation>Das ZIP-Archiv %1 ist unvollständig: Sein Ende (das zentrale Verzeichnis, das seine Dateien auflistet) fehlt, wie nach einem abgebrochenen Download. Es wurde nichts importiert. Laden Sie es erneut herunter oder kopieren Sie es noch einmal.</translation>
    </message>
    <message>
        <source>The archive %1 is incomplete: it stops after %2 without the end marker of a tar archive, as after an interrupted download. Nothing was imported. Download or copy it again.</source>
        <translation>Das Archiv %1 ist unvollständig: Es endet nach %2 ohne die Endmarkierung eines tar-Archivs, wie nach einem abgebrochenen Download. Es wurde nichts importiert. Laden Sie es erneut herunter oder kopieren Sie es noch einmal.</translation>
    </message>
    <message>
        <source>the name is not valid UTF-8 (rename it to import it)</source>
        <translation>Name ist kein gültiges UTF-8 (benennen Sie den Eintrag um, um ihn zu importieren)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a name git reserves for its own folder (a project may not carry git&apos;s configuration or hooks)</source>
        <translation>„%1“ ist ein Name, den Git für seinen eigenen Ordner reserviert (ein Projekt darf weder Git-Konfiguration noch Git-Hooks mitbringen)</translation>
    </message>
    <message>
        <source>symlink to something that is not a regular file</source>
        <translation>symbolischer Link auf etwas, das keine reguläre Datei ist</translation>
    </message>
    <message>
        <source>path contains &quot;%1&quot;, a name git reserves for its own folder (a project may not carry git&apos;s configuration or hooks)</source>
        <translation>Pfad enthält „%1“, einen Namen, den Git für seinen eigenen Ordner reserviert (ein Projekt darf weder Git-Konfiguration noch Git-Hooks mitbringen)</translation>
    </message>
    <message>
        <source>The project holds &quot;%1&quot;, which REALM does not write out (%2). Nothing was exported. It was imported before REALM refused such paths: refresh the project from its source to drop it.</source>
        <translation>Das Projekt enthält „%1“; REALM schreibt diesen Pfad nicht hinaus (%2). Es wurde nichts exportiert. Der Pfad wurde importiert, bevor REALM solche Pfade abgelehnt hat: Aktualisieren Sie das Projekt aus seiner Quelle, um ihn zu entfernen.</translation>
    </message>
    <message>
        <source>not a canonical path</source>
        <translation>kein kanonischer Pfad</translation>
    </message>
    <message>
        <source>Refreshed &quot;%1&quot;: %2 added, %3 changed, %4 removed, %5 unchanged.</source>
        <translation>„%1“ aktualisiert: %2 hinzugefügt, %3 geändert, %4 entfernt, %5 unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>Imported &quot;%1&quot;: %n file(s), %2.</source>
        <translation>
            <numerusform>„%1“ importiert: %n Datei, %2.</numerusform>
            <numerusform>„%1“ importiert: %n Dateien, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 left out, %2 rejected, %n warning(s).</source>
        <translation>
            <numerusform>%1 ausgelassen, %2 abgelehnt, %n Warnung.</numerusform>
            <numerusform>%1 ausgelassen, %2 abgelehnt, %n Warnungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n Datei, %1</numerusform>
            <numerusform>%n Dateien, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1 left out, %2 rejected</source>
        <translation>, %1 ausgelassen, %2 abgelehnt</translation>
    </message>
    <message>
        <source>Cannot index the imported text</source>
        <translation>Der importierte Text kann nicht indiziert werden</translation>
    </message>
    <message>
        <source>Cannot read the project</source>
        <translation>Das Projekt kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot update the project</source>
        <translation>Das Projekt kann nicht aktualisiert werden</translation>
    </message>
    <message>
        <source>Cannot read the local changes</source>
        <translation>Die lokalen Änderungen können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot take the local changes</source>
        <translation>Die lokalen Änderungen können nicht übernommen werden</translation>
    </message>
    <message>
        <source>Cannot record the project&apos;s changes</source>
        <translation>Die Änderungen des Projekts können nicht vermerkt werden</translation>
    </message>
    <message>
        <source>Cannot read the file contents</source>
        <translation>Die Dateiinhalte können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot count the project&apos;s files</source>
        <translation>Die Dateien des Projekts können nicht gezählt werden</translation>
    </message>
    <message>
        <source>%1 is not empty: give a new or empty folder for the files.</source>
        <translation>%1 ist nicht leer: Geben Sie einen neuen oder leeren Ordner für die Dateien an.</translation>
    </message>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot record the project&apos;s folder</source>
        <translation>Der Ordner des Projekts kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot make the folder for %1.</source>
        <translation>Der Ordner für %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>%1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Cannot record what the version changed</source>
        <translation>Kann nicht speichern, was die Version geändert hat</translation>
    </message>
    <message>
        <source>Only a project imported from a folder can refresh single files and folders; refresh all of &quot;%1&quot; instead.</source>
        <translation>Nur ein aus einem Ordner importiertes Projekt kann einzelne Dateien und Ordner aktualisieren; aktualisieren Sie stattdessen ganz &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 is not inside %2, the folder of &quot;%3&quot;.</source>
        <translation>%1 liegt nicht in %2, dem Ordner von &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Cannot refresh %1: %2</source>
        <translation>Kann %1 nicht aktualisieren: %2</translation>
    </message>
    <message>
        <source>nothing there: neither in %1 (or ignored by git) nor in the project (paths are relative to the project&apos;s folder)</source>
        <translation>hier ist nichts: weder in %1 (oder von git ignoriert) noch im Projekt (Pfade sind relativ zum Ordner des Projekts)</translation>
    </message>
    <message>
        <source>Cannot record the project&apos;s versions to send</source>
        <translation>Die Versionen des Projekts können nicht zum Senden vorgemerkt werden</translation>
    </message>
    <message>
        <source>Cannot save the version the server sent</source>
        <translation>Die Version, die der Server geschickt hat, kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot read what the project&apos;s folder held</source>
        <translation>Der frühere Stand des Projektordners kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot record what the project&apos;s folder holds</source>
        <translation>Der Stand des Projektordners kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot record the choice for the project&apos;s folder</source>
        <translation>Die Einstellung für den Projektordner kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The project has no folder of its own (it was not imported from a folder nor cloned into one).</source>
        <translation>Das Projekt hat keinen eigenen Ordner (es wurde weder aus einem Ordner importiert noch in einen geklont).</translation>
    </message>
    <message>
        <source>The folder of this project, %1, is missing: reconnect it (or move it back) and try again.</source>
        <translation>Der Ordner dieses Projekts, %1, fehlt: Verbinden Sie ihn wieder (oder verschieben Sie ihn zurück) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The content of %1 is not in this workspace: sync (or, for a project that downloads contents when needed, realm-cli project fetch), then try again.</source>
        <translation>Der Inhalt von %1 ist nicht in diesem Arbeitsbereich: Gleichen Sie ab (oder, bei einem Projekt, das Inhalte erst bei Bedarf herunterlädt, führen Sie realm-cli project fetch aus) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>%1 has not been downloaded to this machine yet: open it in REALM or run realm-cli project fetch, then try again.</source>
        <translation>%1 wurde noch nicht auf diesen Rechner heruntergeladen: Öffnen Sie die Datei in REALM oder führen Sie realm-cli project fetch aus und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Cannot store the downloaded contents</source>
        <translation>Die heruntergeladenen Inhalte können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot read the project&apos;s history</source>
        <translation>Der Verlauf des Projekts kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>Realm::Projects::ExportJob</name>
    <message>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <source>Committing…</source>
        <translation>Committe…</translation>
    </message>
    <message>
        <source>Export cancelled; no archive was written.</source>
        <translation>Export abgebrochen; es wurde kein Archiv geschrieben.</translation>
    </message>
    <message>
        <source>Export cancelled; the branch was not moved.</source>
        <translation>Export abgebrochen; der Branch wurde nicht verschoben.</translation>
    </message>
    <message>
        <source>%1 of %2 files, %3 of %4 — %5</source>
        <translation>%1 von %2 Dateien, %3 von %4 — %5</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %n file(s), %2.</source>
        <translation>
            <numerusform>%1 geschrieben: %n Datei, %2.</numerusform>
            <numerusform>%1 geschrieben: %n Dateien, %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Committed version %1 of %2</source>
        <translation>Version %1 von %2 committet</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2) is up to date: all %n version(s) are there.</source>
        <translation>
            <numerusform>%1 (%2) ist aktuell: Die %n Version ist vorhanden.</numerusform>
            <numerusform>%1 (%2) ist aktuell: Alle %n Versionen sind vorhanden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n commit(s) to %1 (%2), now at %3.</source>
        <translation>
            <numerusform>%n Commit nach %1 (%2) geschrieben, jetzt bei %3.</numerusform>
            <numerusform>%n Commits nach %1 (%2) geschrieben, jetzt bei %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Write the author as “Name &lt;email&gt;”, e.g. “Ada Lovelace &lt;ada@example.org&gt;”.</source>
        <translation>Geben Sie den Autor als „Name &lt;E-Mail&gt;“ an, z. B. „Ada Lovelace &lt;ada@example.org&gt;“.</translation>
    </message>
</context>
<context>
    <name>Realm::Projects::ImportJob</name>
    <message>
        <source>Refreshing %1…</source>
        <translation>Aktualisiere %1…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>Refresh cancelled; nothing was changed.</source>
        <translation>Aktualisierung abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Import abgebrochen; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>Realm::Prompts</name>
    <message>
        <source>Lines are given as FIRST:LAST, counted from 1, e.g. 12:40 (&quot;%1&quot; is not).</source>
        <translation>Zeilen werden als ERSTE:LETZTE angegeben, ab 1 gezählt, z. B. 12:40 („%1“ ist es nicht).</translation>
    </message>
    <message>
        <source>%1 is a binary file; a prompt takes text.</source>
        <translation>%1 ist eine Binärdatei; ein Prompt nimmt nur Text.</translation>
    </message>
    <message>
        <source>Reading the prompt templates failed</source>
        <translation>Die Prompt-Vorlagen konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Reading a prompt template failed</source>
        <translation>Eine Prompt-Vorlage konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>There is no prompt template named &quot;%1&quot; (realm-cli prompt list shows them).</source>
        <translation>Es gibt keine Prompt-Vorlage namens „%1“ (realm-cli prompt list zeigt sie).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is one of REALM&apos;s own prompt templates: save yours under another name.</source>
        <translation>„%1“ ist eine von REALMs eigenen Prompt-Vorlagen: Speichern Sie Ihre unter einem anderen Namen.</translation>
    </message>
    <message>
        <source>Saving the prompt template failed</source>
        <translation>Die Prompt-Vorlage konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>There is already a prompt template named &quot;%1&quot;: remove it first, or replace it.</source>
        <translation>Es gibt bereits eine Prompt-Vorlage namens „%1“: Entfernen Sie sie zuerst oder ersetzen Sie sie.</translation>
    </message>
    <message>
        <source>Saving the prompt templates failed</source>
        <translation>Die Prompt-Vorlagen konnten nicht gespeichert werden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is one of REALM&apos;s own prompt templates and cannot be removed.</source>
        <translation>„%1“ ist eine von REALMs eigenen Prompt-Vorlagen und kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Removing the prompt template failed</source>
        <translation>Die Prompt-Vorlage konnte nicht entfernt werden</translation>
    </message>
    <message>
        <source>There is no prompt template named &quot;%1&quot;.</source>
        <translation>Es gibt keine Prompt-Vorlage namens „%1“.</translation>
    </message>
    <message>
        <source>The prompt template &quot;%1&quot; is broken: %2</source>
        <translation>Die Prompt-Vorlage „%1“ ist fehlerhaft: %2</translation>
    </message>
    <message>
        <source>A prompt template&apos;s name is lower case letters, digits, &apos;-&apos; and &apos;_&apos; (&quot;%1&quot; is not).</source>
        <translation>Der Name einer Prompt-Vorlage besteht aus Kleinbuchstaben, Ziffern, „-“ und „_“ („%1“ nicht).</translation>
    </message>
    <message>
        <source>The prompt template &quot;%1&quot; needs a title.</source>
        <translation>Die Prompt-Vorlage „%1“ braucht einen Titel.</translation>
    </message>
    <message>
        <source>The prompt template &quot;%1&quot; has no text.</source>
        <translation>Die Prompt-Vorlage „%1“ hat keinen Text.</translation>
    </message>
    <message>
        <source>This is not a REALM prompt template file (it has no &quot;realm_prompts&quot; object).</source>
        <translation>Dies ist keine Prompt-Vorlagendatei von REALM (ihr fehlt das Objekt „realm_prompts“).</translation>
    </message>
    <message>
        <source>These prompt templates come from a newer REALM: update REALM to import them.</source>
        <translation>Diese Prompt-Vorlagen stammen aus einem neueren REALM: Aktualisieren Sie REALM, um sie zu importieren.</translation>
    </message>
    <message>
        <source>%1: lines %2 to %3 are empty; choose lines with code.</source>
        <translation>%1: Die Zeilen %2 bis %3 sind leer; wählen Sie Zeilen mit Code.</translation>
    </message>
    <message numerus="yes">
        <source>the file has %n line(s); line %1 is past its end.</source>
        <translation>
            <numerusform>die Datei hat %n Zeile; Zeile %1 liegt hinter ihrem Ende.</numerusform>
            <numerusform>die Datei hat %n Zeilen; Zeile %1 liegt hinter ihrem Ende.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2&apos;s prompt template: an admin of %2 withdraws it (realm-cli prompt withdraw %3 --org %2).</source>
        <translation>„%1“ ist eine Prompt-Vorlage von %2: Ein Admin von %2 zieht sie zurück (realm-cli prompt withdraw %3 --org %2).</translation>
    </message>
</context>
<context>
    <name>Realm::Prompts::BuiltIn</name>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <source>What the code does and how, step by step.</source>
        <translation>Was der Code tut und wie, Schritt für Schritt.</translation>
    </message>
    <message>
        <source>Find Bugs</source>
        <translation>Fehler finden</translation>
    </message>
    <message>
        <source>Bugs, edge cases and unsafe code, each with a fix.</source>
        <translation>Fehler, Grenzfälle und unsicherer Code, jeweils mit Korrektur.</translation>
    </message>
    <message>
        <source>Write Tests</source>
        <translation>Tests schreiben</translation>
    </message>
    <message>
        <source>Unit tests for the code, in the project&apos;s test style.</source>
        <translation>Unit-Tests für den Code, im Teststil des Projekts.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokumentieren</translation>
    </message>
    <message>
        <source>Doc comments for the code&apos;s functions and types.</source>
        <translation>Doku-Kommentare für die Funktionen und Typen des Codes.</translation>
    </message>
    <message>
        <source>Review Changes</source>
        <translation>Änderungen prüfen</translation>
    </message>
    <message>
        <source>A code review of a diff: correctness, design, tests.</source>
        <translation>Ein Code-Review eines Diffs: Korrektheit, Entwurf, Tests.</translation>
    </message>
    <message>
        <source>Refactor</source>
        <translation>Umbauen</translation>
    </message>
    <message>
        <source>Simpler, clearer code with the same behaviour.</source>
        <translation>Einfacherer, klarerer Code mit gleichem Verhalten.</translation>
    </message>
    <message>
        <source>Summarize File</source>
        <translation>Datei zusammenfassen</translation>
    </message>
    <message>
        <source>What a file is for and what is in it.</source>
        <translation>Wofür eine Datei da ist und was sie enthält.</translation>
    </message>
</context>
<context>
    <name>Realm::Prompts::OrgPrompts</name>
    <message>
        <source>Saving the organization&apos;s prompt template failed</source>
        <translation>Die Prompt-Vorlage der Organisation konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Reading the organizations&apos; prompt templates failed</source>
        <translation>Die Prompt-Vorlagen der Organisationen konnten nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>Realm::Secrets</name>
    <message>
        <source>The keychain has no entry %1.</source>
        <translation>Der Schlüsselbund hat keinen Eintrag %1.</translation>
    </message>
    <message>
        <source>No keychain is available (%1). Start a Secret Service such as GNOME Keyring or KWallet, or keep the key for this session only.</source>
        <translation>Kein Schlüsselbund verfügbar (%1). Starten Sie einen Secret Service wie GNOME Keyring oder KWallet, oder behalten Sie den Schlüssel nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert: %1</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>Der Schlüsselbund ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No key %1 was entered in this session.</source>
        <translation>In dieser Sitzung wurde kein Schlüssel %1 eingegeben.</translation>
    </message>
</context>
<context>
    <name>Realm::Starters</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The template %1 has no template.json.</source>
        <translation>Die Vorlage %1 hat keine template.json.</translation>
    </message>
    <message>
        <source>The manifest of %1 is not valid JSON: %2</source>
        <translation>Das Manifest von %1 ist kein gültiges JSON: %2</translation>
    </message>
    <message>
        <source>The manifest of %1 has a variable without a name.</source>
        <translation>Das Manifest von %1 hat eine Variable ohne Namen.</translation>
    </message>
    <message>
        <source>Cannot read %1 of the template %2.</source>
        <translation>%1 der Vorlage %2 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>There is no template &quot;%1&quot;. Templates: %2.</source>
        <translation>Es gibt keine Vorlage „%1“. Vorlagen: %2.</translation>
    </message>
    <message>
        <source>The template %1 has no variable &quot;%2&quot;; it has: %3.</source>
        <translation>Die Vorlage %1 hat keine Variable „%2“; sie hat: %3.</translation>
    </message>
    <message>
        <source>%1 (%2) is needed.</source>
        <translation>%1 (%2) wird gebraucht.</translation>
    </message>
    <message>
        <source>%1 must be one of: %2.</source>
        <translation>%1 muss eines davon sein: %2.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; does not have the expected form (%3).</source>
        <translation>%1 „%2“ hat nicht die erwartete Form (%3).</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: %3.</source>
        <translation>%1 „%2“: %3.</translation>
    </message>
    <message>
        <source>The file name %1 becomes &quot;%2&quot;, which cannot be a path in a project.</source>
        <translation>Der Dateiname %1 wird zu „%2“, das kein Pfad in einem Projekt sein kann.</translation>
    </message>
    <message>
        <source>Two files of the template become %1.</source>
        <translation>Zwei Dateien der Vorlage werden zu %1.</translation>
    </message>
    <message>
        <source>%1 is not empty; choose a new or empty folder for the project.</source>
        <translation>%1 ist nicht leer; wählen Sie einen neuen oder leeren Ordner für das Projekt.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot pack the template: %1</source>
        <translation>Die Vorlage kann nicht gepackt werden: %1</translation>
    </message>
    <message>
        <source>This is not a template archive REALM can read: %1</source>
        <translation>Das ist kein Vorlagen-Archiv, das REALM lesen kann: %1</translation>
    </message>
    <message>
        <source>The template holds an unsafe path: %1</source>
        <translation>Die Vorlage enthält einen unsicheren Pfad: %1</translation>
    </message>
    <message>
        <source>The archive has no template.json: it is not a REALM template.</source>
        <translation>Das Archiv hat keine template.json: es ist keine REALM-Vorlage.</translation>
    </message>
    <message>
        <source>A template&apos;s name is lower case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (&quot;%1&quot; is not).</source>
        <translation>Der Name einer Vorlage besteht aus Kleinbuchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; und &apos;-&apos; („%1“ nicht).</translation>
    </message>
    <message>
        <source>A variable needs a name and the text it replaces.</source>
        <translation>Eine Variable braucht einen Namen und den Text, den sie ersetzt.</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Projektname</translation>
    </message>
    <message>
        <source>None of the chosen files is in the project.</source>
        <translation>Keine der gewählten Dateien ist im Projekt.</translation>
    </message>
    <message>
        <source>Cannot read the templates</source>
        <translation>Die Vorlagen können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot read the template</source>
        <translation>Die Vorlage kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>There is no template &quot;%1&quot; in the workspace (realm-cli template list).</source>
        <translation>Es gibt keine Vorlage „%1“ im Arbeitsbereich (realm-cli template list).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a built-in template&apos;s name; choose another.</source>
        <translation>„%1“ ist der Name einer eingebauten Vorlage; wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>Cannot save the template</source>
        <translation>Die Vorlage kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot remove the template</source>
        <translation>Die Vorlage kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>There is no template &quot;%1&quot; in the workspace.</source>
        <translation>Es gibt keine Vorlage „%1“ im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>A project named &quot;%1&quot; already exists; choose another project name.</source>
        <translation>Ein Projekt namens „%1“ gibt es schon; wählen Sie einen anderen Projektnamen.</translation>
    </message>
    <message>
        <source>The template holds more than 64 MiB or 5,000 files; a starter should be small.</source>
        <translation>Die Vorlage enthält mehr als 64 MiB oder 5.000 Dateien; eine Vorlage sollte klein sein.</translation>
    </message>
    <message>
        <source>A variable&apos;s name is letters, digits and _ (&quot;%1&quot; is not).</source>
        <translation>Der Name einer Variable besteht aus Buchstaben, Ziffern und _ („%1“ nicht).</translation>
    </message>
    <message>
        <source>%1 is larger than 16 MiB, too large for a template; leave it out.</source>
        <translation>%1 ist größer als 16 MiB, zu groß für eine Vorlage; lassen Sie die Datei weg.</translation>
    </message>
    <message>
        <source>%1 (%2) must be one line without control characters (it holds U+%3).</source>
        <translation>%1 (%2) muss eine einzige Zeile ohne Steuerzeichen sein (enthalten ist U+%3).</translation>
    </message>
    <message>
        <source>The project name &quot;%1&quot; is not a plain folder name, so it cannot choose where the files go: choose the folder yourself (--out DIR).</source>
        <translation>Der Projektname „%1“ ist kein einfacher Ordnername und kann daher nicht bestimmen, wohin die Dateien kommen: Wählen Sie den Ordner selbst (--out DIR).</translation>
    </message>
    <message>
        <source>The template cannot hold %1: %2.</source>
        <translation>Die Vorlage kann %1 nicht enthalten: %2.</translation>
    </message>
    <message>
        <source>%1 is %2&apos;s template: its admins withdraw it (realm-cli template withdraw %3 --org %2).</source>
        <translation>%1 ist eine Vorlage von %2: Ihre Administratoren ziehen sie zurück (realm-cli template withdraw %3 --org %2).</translation>
    </message>
</context>
<context>
    <name>Realm::Starters::CreateJob</name>
    <message>
        <source>Creating…</source>
        <translation>Erstelle…</translation>
    </message>
    <message>
        <source>Writing file %1 of %2…</source>
        <translation>Schreibe Datei %1 von %2…</translation>
    </message>
    <message>
        <source>Cancelled; no folder or project was left behind.</source>
        <translation>Abgebrochen; es blieb kein Ordner und kein Projekt zurück.</translation>
    </message>
    <message numerus="yes">
        <source>Created %1 in %2 from %3: %n file(s).</source>
        <translation>
            <numerusform>%1 in %2 aus %3 erstellt: %n Datei.</numerusform>
            <numerusform>%1 in %2 aus %3 erstellt: %n Dateien.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Starters::OrgStarters</name>
    <message>
        <source>Saving the organization&apos;s starter template failed</source>
        <translation>Die Starter-Vorlage der Organisation konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Reading the organizations&apos; starter templates failed</source>
        <translation>Die Starter-Vorlagen der Organisationen konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Reading the organization&apos;s starter template failed</source>
        <translation>Die Starter-Vorlage der Organisation konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The organization has no starter template &quot;%1&quot; here (realm-cli template list).</source>
        <translation>Die Organisation hat hier keine Starter-Vorlage „%1“ (realm-cli template list).</translation>
    </message>
</context>
<context>
    <name>Realm::Storage</name>
    <message>
        <source>The workspace path %1 is not a file. Choose a file path with --workspace.</source>
        <translation>Der Arbeitsbereichspfad %1 ist keine Datei. Wählen Sie mit --workspace einen Dateipfad.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the workspace. Check its permissions or choose another location with --workspace.</source>
        <translation>Der Ordner %1 für den Arbeitsbereich kann nicht angelegt werden. Prüfen Sie die Berechtigungen oder wählen Sie mit --workspace einen anderen Ort.</translation>
    </message>
    <message>
        <source>Cannot open the workspace %1</source>
        <translation>Der Arbeitsbereich %1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>The workspace %1 was written by a newer version of REALM (schema %2; this version knows up to %3). It was not changed. Open it with a newer REALM, or choose another workspace with --workspace.</source>
        <translation>Der Arbeitsbereich %1 wurde von einer neueren REALM-Version geschrieben (Schema %2; diese Version kennt Schemas bis %3). Er wurde nicht verändert. Öffnen Sie ihn mit einem neueren REALM oder wählen Sie mit --workspace einen anderen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Cannot set up the search index on %1: this SQLite has no FTS5.</source>
        <translation>Der Suchindex für %1 kann nicht eingerichtet werden: Diesem SQLite fehlt FTS5.</translation>
    </message>
    <message>
        <source>Cannot checkpoint the workspace</source>
        <translation>Für den Arbeitsbereich kann kein Checkpoint ausgeführt werden</translation>
    </message>
    <message>
        <source>The workspace connection is not an SQLite connection.</source>
        <translation>Die Verbindung zum Arbeitsbereich ist keine SQLite-Verbindung.</translation>
    </message>
    <message>
        <source>Cannot set up the search index: this SQLite has no FTS5.</source>
        <translation>Der Suchindex kann nicht eingerichtet werden: Diesem SQLite fehlt FTS5.</translation>
    </message>
    <message>
        <source>The built-in migration %1 is missing.</source>
        <translation>Die eingebaute Migration %1 fehlt.</translation>
    </message>
    <message>
        <source>Upgrading the workspace to schema %1</source>
        <translation>Die Aktualisierung des Arbeitsbereichs auf Schema %1</translation>
    </message>
    <message>
        <source>The disk is full: free some space and try again; nothing was changed.</source>
        <translation>Der Datenträger ist voll: Geben Sie Speicherplatz frei und versuchen Sie es erneut; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Another REALM process is writing to this workspace; try again when it has finished.</source>
        <translation>Ein anderer REALM-Prozess schreibt gerade in diesen Arbeitsbereich; versuchen Sie es erneut, wenn er fertig ist.</translation>
    </message>
    <message>
        <source>The workspace file is read-only: check its permissions.</source>
        <translation>Die Arbeitsbereichsdatei ist schreibgeschützt: Prüfen Sie ihre Berechtigungen.</translation>
    </message>
    <message>
        <source>no database connection</source>
        <translation>keine Datenbankverbindung</translation>
    </message>
    <message>
        <source>Cannot start a write transaction</source>
        <translation>Eine Schreibtransaktion kann nicht gestartet werden</translation>
    </message>
    <message>
        <source>No active transaction to commit.</source>
        <translation>Es gibt keine aktive Transaktion zum Abschließen.</translation>
    </message>
    <message>
        <source>Cannot save the changes</source>
        <translation>Die Änderungen können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1 is not a REALM workspace that can be read: it is damaged or not an SQLite database (SQLite says: %2). REALM did not write to it. Restore it from a backup, or choose another workspace with --workspace.</source>
        <translation>%1 ist kein lesbarer REALM-Arbeitsbereich: Die Datei ist beschädigt oder keine SQLite-Datenbank (SQLite meldet: %2). REALM hat nicht in sie geschrieben. Stellen Sie sie aus einer Sicherung wieder her oder wählen Sie mit --workspace einen anderen Arbeitsbereich.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not a REALM workspace. It was not changed. Choose a REALM workspace or a new file with --workspace.</source>
        <translation>%1 ist die SQLite-Datenbank eines anderen Programms, kein REALM-Arbeitsbereich. Sie wurde nicht verändert. Wählen Sie mit --workspace einen REALM-Arbeitsbereich oder eine neue Datei.</translation>
    </message>
    <message>
        <source>Marking the workspace</source>
        <translation>Das Markieren des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Saving the upgrade</source>
        <translation>Das Speichern der Aktualisierung</translation>
    </message>
    <message>
        <source>Preparing the upgrade</source>
        <translation>Bereite die Aktualisierung vor</translation>
    </message>
    <message>
        <source>Upgrading the workspace would leave rows that refer to nothing (%1). It was not changed; please report this.</source>
        <translation>Die Aktualisierung des Arbeitsbereichs hinterließe Zeilen, die auf nichts verweisen (%1). Er wurde nicht geändert; bitte melden Sie das.</translation>
    </message>
    <message>
        <source>Cannot set up the change record for sync</source>
        <translation>Die Änderungsliste für den Abgleich lässt sich nicht einrichten</translation>
    </message>
    <message>
        <source>The workspace lists %1 as synced, but it has no synced columns.</source>
        <translation>Der Arbeitsbereich führt %1 als abgeglichen, aber die Tabelle hat keine abgeglichenen Spalten.</translation>
    </message>
    <message>
        <source>Cannot configure the workspace %1</source>
        <translation>Der Arbeitsbereich %1 lässt sich nicht einrichten</translation>
    </message>
    <message>
        <source>Checking the references</source>
        <translation>Prüfen der Verweise</translation>
    </message>
    <message>
        <source>Cannot read the workspace schema version</source>
        <translation>Die Schemaversion des Arbeitsbereichs lässt sich nicht lesen</translation>
    </message>
    <message>
        <source>Cannot record what the server sent</source>
        <translation>Was der Server gesendet hat, kann nicht vermerkt werden</translation>
    </message>
    <message>
        <source>Cannot record a change to send</source>
        <translation>Eine zu sendende Änderung kann nicht vermerkt werden</translation>
    </message>
    <message>
        <source>Cannot read the local changes</source>
        <translation>Die lokalen Änderungen können nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>Realm::Storage::OrgCopyTable</name>
    <message>
        <source>Removing an organization&apos;s template here failed</source>
        <translation>Die Vorlage einer Organisation konnte hier nicht entfernt werden</translation>
    </message>
    <message>
        <source>Removing an organization&apos;s templates here failed</source>
        <translation>Die Vorlagen einer Organisation konnten hier nicht entfernt werden</translation>
    </message>
    <message>
        <source>Saving the organization&apos;s name failed</source>
        <translation>Der Name der Organisation konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Reading an organization&apos;s templates here failed</source>
        <translation>Die Vorlagen einer Organisation konnten hier nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>Realm::Sync</name>
    <message>
        <source>Malformed sync message: %1.</source>
        <translation>Fehlerhafte Sync-Nachricht: %1.</translation>
    </message>
    <message>
        <source>Content %1 of the batch has no &quot;SHA256 SIZE&quot; line.</source>
        <translation>Inhalt %1 des Stapels hat keine Zeile „SHA256 GRÖSSE“.</translation>
    </message>
    <message>
        <source>Content %1 of the batch: &quot;%2&quot; is not &quot;SHA256 SIZE&quot; with SIZE bytes after it.</source>
        <translation>Inhalt %1 des Stapels: „%2“ ist nicht „SHA256 GRÖSSE“ mit GRÖSSE Bytes danach.</translation>
    </message>
    <message>
        <source>The prompt template %1 needs a title and a body.</source>
        <translation>Die Prompt-Vorlage %1 braucht einen Titel und einen Text.</translation>
    </message>
    <message>
        <source>The %1 %2 has &quot;%3&quot;: it holds only %4, as text.</source>
        <translation>Die %1 %2 hat „%3“: Sie enthält nur %4, als Text.</translation>
    </message>
    <message>
        <source>prompt template</source>
        <translation>Prompt-Vorlage</translation>
    </message>
    <message>
        <source>documentation template</source>
        <translation>Dokumentationsvorlage</translation>
    </message>
    <message>
        <source>The documentation template %1 is for &quot;%2&quot;: its kind is api, overview or custom.</source>
        <translation>Die Dokumentationsvorlage %1 ist für „%2“: Ihre Art ist api, overview oder custom.</translation>
    </message>
    <message>
        <source>The documentation template %1 needs a body.</source>
        <translation>Die Dokumentationsvorlage %1 braucht einen Text.</translation>
    </message>
    <message>
        <source>The custom documentation template %1 needs a prompt: what the model should write.</source>
        <translation>Die eigene Dokumentationsvorlage %1 braucht einen Prompt: was das Modell schreiben soll.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not something an organization&apos;s templates hold.</source>
        <translation>„%1“ gehört nicht zu den Vorlagen einer Organisation.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot name an organization&apos;s %2: use lower case letters, digits, &apos;-&apos; and &apos;_&apos;%3, at most %4 of them.</source>
        <translation>„%1“ kann keine %2 einer Organisation benennen: Verwenden Sie Kleinbuchstaben, Ziffern, „-“ und „_“%3, höchstens %4 davon.</translation>
    </message>
    <message>
        <source> and &apos;.&apos;</source>
        <translation> und „.“</translation>
    </message>
    <message>
        <source>The %1 %2 has %3 KiB; an organization&apos;s %1 may have %4 KiB.</source>
        <translation>Die %1 %2 hat %3 KiB; eine %1 einer Organisation darf %4 KiB haben.</translation>
    </message>
    <message>
        <source>starter template</source>
        <translation>Starter-Vorlage</translation>
    </message>
    <message>
        <source>The starter template %1 needs a title.</source>
        <translation>Die Starter-Vorlage %1 braucht einen Titel.</translation>
    </message>
    <message>
        <source>The starter template %1 has no archive (base64 of its tar.gz).</source>
        <translation>Die Starter-Vorlage %1 hat kein Archiv (Base64 ihres tar.gz).</translation>
    </message>
    <message>
        <source>The starter template %1 is a %2 MiB archive; an organization&apos;s may be %3 MiB: leave large files out.</source>
        <translation>Die Starter-Vorlage %1 ist ein Archiv von %2 MiB; die einer Organisation darf %3 MiB haben: Lassen Sie große Dateien weg.</translation>
    </message>
</context>
<context>
    <name>Realm::SyncClient</name>
    <message>
        <source>Cannot read the sync state</source>
        <translation>Der Synchronisierungsstand kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>Cannot save the sync state</source>
        <translation>Der Synchronisierungsstand kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>This project is not shared with a server: share it first (realm-cli project share).</source>
        <translation>Dieses Projekt ist mit keinem Server geteilt: Teilen Sie es zuerst (realm-cli project share).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is being synced already (by another window or command); try again when it is done.</source>
        <translation>„%1“ wird bereits synchronisiert (von einem anderen Fenster oder Befehl); versuchen Sie es erneut, wenn das fertig ist.</translation>
    </message>
    <message>
        <source>The project&apos;s link to the server is gone.</source>
        <translation>Die Verbindung des Projekts zum Server ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no longer shared with you on %2 (removed, or the project deleted); the local copy is kept as it is.</source>
        <translation>„%1“ ist auf %2 nicht mehr mit Ihnen geteilt (entfernt, oder das Projekt wurde gelöscht); die lokale Kopie bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>Sending the changes of &quot;%1&quot;…</source>
        <translation>Änderungen von „%1“ werden gesendet …</translation>
    </message>
    <message>
        <source>Receiving the changes to &quot;%1&quot;…</source>
        <translation>Änderungen an „%1“ werden empfangen …</translation>
    </message>
    <message>
        <source>&quot;%1&quot; comes from %2, which a refresh reads again and which never gets the team&apos;s changes. Import a folder (a checkout of it) and share that project instead.</source>
        <translation>„%1“ stammt aus %2, das eine Aktualisierung erneut liest und das die Änderungen des Teams nie erhält. Importieren Sie einen Ordner (einen Checkout davon) und teilen Sie stattdessen dieses Projekt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already shared (project %2 on %3).</source>
        <translation>„%1“ ist bereits geteilt (Projekt %2 auf %3).</translation>
    </message>
    <message>
        <source>The server made the project but did not say its id.</source>
        <translation>Der Server hat das Projekt angelegt, aber seine ID nicht genannt.</translation>
    </message>
    <message>
        <source>Cannot record the shared project</source>
        <translation>Das geteilte Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>This workspace already has project %1 as &quot;%2&quot;: sync it instead.</source>
        <translation>Dieser Arbeitsbereich hat Projekt %1 bereits als „%2“: Synchronisieren Sie stattdessen dieses.</translation>
    </message>
    <message>
        <source>%1 (Give the copy a name of its own with --name.)</source>
        <translation>%1 (Geben Sie der Kopie mit --name einen eigenen Namen.)</translation>
    </message>
    <message>
        <source>Cannot record the cloned project</source>
        <translation>Das geklonte Projekt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The server&apos;s list of changes cannot be read: %1</source>
        <translation>Die Liste der Änderungen des Servers kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Received %n change(s)</source>
        <translation>
            <numerusform>%n Änderung empfangen</numerusform>
            <numerusform>%n Änderungen empfangen</numerusform>
        </translation>
    </message>
    <message>
        <source>The server&apos;s changes would delete %1 of the %2 files of &quot;%3&quot;; nothing was changed here. If that is right, sync again allowing it (realm-cli sync --allow-mass-delete).</source>
        <translation>Die Änderungen des Servers würden %1 der %2 Dateien von „%3“ löschen; hier wurde nichts geändert. Wenn das richtig ist, synchronisieren Sie erneut und erlauben Sie es (realm-cli sync --allow-mass-delete).</translation>
    </message>
    <message>
        <source>The content of %1 arrived damaged (its SHA-256 does not match); sync again.</source>
        <translation>Der Inhalt von %1 kam beschädigt an (sein SHA-256 stimmt nicht); synchronisieren Sie erneut.</translation>
    </message>
    <message>
        <source>The content of %1 did not arrive; sync again.</source>
        <translation>Der Inhalt von %1 kam nicht an; synchronisieren Sie erneut.</translation>
    </message>
    <message>
        <source>Cannot open the workspace for writing.</source>
        <translation>Der Arbeitsbereich kann nicht zum Schreiben geöffnet werden.</translation>
    </message>
    <message>
        <source>Cannot save the server&apos;s changes</source>
        <translation>Die Änderungen des Servers können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Cannot number the local changes</source>
        <translation>Die lokalen Änderungen können nicht nummeriert werden</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the push cannot be read: %1</source>
        <translation>Die Antwort des Servers auf das Senden kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer about file contents cannot be read: %1</source>
        <translation>Die Antwort des Servers zu den Dateiinhalten kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The content %1 is not in this workspace any more; refresh the project and sync again.</source>
        <translation>Der Inhalt %1 ist nicht mehr in diesem Arbeitsbereich; aktualisieren Sie das Projekt und synchronisieren Sie erneut.</translation>
    </message>
    <message>
        <source>Uploaded %1 of %2 file contents</source>
        <translation>%1 von %2 Dateiinhalten hochgeladen</translation>
    </message>
    <message>
        <source>The server answered %1 of the %2 changes sent; they are sent again next time.</source>
        <translation>Der Server hat auf %1 der %2 gesendeten Änderungen geantwortet; sie werden beim nächsten Mal erneut gesendet.</translation>
    </message>
    <message>
        <source>The server answered change %1, which was not sent.</source>
        <translation>Der Server hat auf Änderung %1 geantwortet, die nicht gesendet wurde.</translation>
    </message>
    <message>
        <source>Cannot record what the server did with the changes</source>
        <translation>Was der Server mit den Änderungen gemacht hat, kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Sent %1 of %2 changes</source>
        <translation>%1 von %2 Änderungen gesendet</translation>
    </message>
    <message>
        <source>The project is not in this workspace any more.</source>
        <translation>Das Projekt ist nicht mehr in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Sync cancelled; what was sent and received so far is kept, and the next sync goes on from there.</source>
        <translation>Synchronisierung abgebrochen; was bisher gesendet und empfangen wurde, bleibt erhalten, und die nächste Synchronisierung macht dort weiter.</translation>
    </message>
    <message>
        <source>This project is shared on %1, not on %2 (signed in there): sign in to %1 to sync it.</source>
        <translation>Dieses Projekt ist auf %1 geteilt, nicht auf %2 (dort angemeldet): Melden Sie sich bei %1 an, um es zu synchronisieren.</translation>
    </message>
    <message>
        <source>The sync outbox holds a change this version cannot read: %1</source>
        <translation>Der Postausgang der Synchronisierung enthält eine Änderung, die diese Version nicht lesen kann: %1</translation>
    </message>
    <message>
        <source>The folder of this project, %1, is missing: reconnect it (or move it back) and sync again.</source>
        <translation>Der Ordner dieses Projekts, %1, fehlt: Verbinden Sie ihn wieder (oder verschieben Sie ihn zurück) und synchronisieren Sie erneut.</translation>
    </message>
    <message>
        <source>%1 is not a conflict copy.</source>
        <translation>%1 ist keine Konfliktkopie.</translation>
    </message>
    <message>
        <source>Too many files are named like %1.</source>
        <translation>Zu viele Dateien heißen wie %1.</translation>
    </message>
    <message>
        <source>%1 has no conflict copy (realm-cli project conflicts PROJECT lists them).</source>
        <translation>%1 hat keine Konfliktkopie (realm-cli project conflicts PROJECT listet sie auf).</translation>
    </message>
    <message>
        <source>%1 has %2 conflict copies: name the copy to resolve.</source>
        <translation>%1 hat %2 Konfliktkopien: die aufzulösende Kopie angeben.</translation>
    </message>
    <message>
        <source>Kept %1 as it is; removed %2.</source>
        <translation>%1 unverändert behalten; %2 entfernt.</translation>
    </message>
    <message>
        <source>%1 is gone.</source>
        <translation>%1 ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>The content of %1 is not in this workspace.</source>
        <translation>Der Inhalt von %1 ist nicht in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>%1 now has the content of %2, which is removed.</source>
        <translation>%1 hat jetzt den Inhalt von %2; %2 wurde entfernt.</translation>
    </message>
    <message>
        <source>Kept both: %1, and %2 (renamed from %3).</source>
        <translation>Beide behalten: %1 und %2 (umbenannt von %3).</translation>
    </message>
    <message>
        <source>Cannot save the resolved conflict</source>
        <translation>Der aufgelöste Konflikt kann nicht gespeichert werden</translation>
    </message>
    <message>
        <source>The next sync sends it to the team.</source>
        <translation>Die nächste Synchronisierung sendet es an das Team.</translation>
    </message>
    <message>
        <source>The folder of this project, %1, is missing: reconnect it (or move it back) and resolve again.</source>
        <translation>Der Ordner dieses Projekts, %1, fehlt: ihn wieder verbinden (oder zurückschieben) und erneut auflösen.</translation>
    </message>
    <message>
        <source>%1 in %2 is not what the project last read (edited, removed, or something else is in the way): run `realm-cli project refresh` first, then resolve again.</source>
        <translation>%1 in %2 ist nicht, was das Projekt zuletzt gelesen hat (bearbeitet, entfernt oder etwas anderes steht im Weg): zuerst `realm-cli project refresh` ausführen, dann erneut auflösen.</translation>
    </message>
    <message>
        <source>%1 changed in %2 while resolving: refresh the project and resolve again.</source>
        <translation>%1 hat sich in %2 während des Auflösens geändert: das Projekt aktualisieren und erneut auflösen.</translation>
    </message>
    <message>
        <source>%1 has a change made here that is not synced yet: sync first, or keep both.</source>
        <translation>%1 hat eine hier gemachte Änderung, die noch nicht synchronisiert ist: zuerst synchronisieren oder beide behalten.</translation>
    </message>
    <message>
        <source>The server answered a request for file contents with something that is not REALM&apos;s (%1): a proxy&apos;s error page, or not a realm-server. Try again; if it goes on, check the address.</source>
        <translation>Der Server hat eine Anfrage nach Dateiinhalten mit etwas beantwortet, das nicht von REALM stammt (%1): die Fehlerseite eines Proxys oder kein realm-server. Versuchen Sie es erneut; wenn es so bleibt, prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>Making &quot;%1&quot; on the server…</source>
        <translation>Lege &quot;%1&quot; auf dem Server an…</translation>
    </message>
    <message numerus="yes">
        <source>Applied %n change(s)</source>
        <translation>
            <numerusform>%n Änderung übernommen</numerusform>
            <numerusform>%n Änderungen übernommen</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing the organizations&apos; templates…</source>
        <translation>Vorlagen der Organisationen werden abgeglichen…</translation>
    </message>
    <message>
        <source>The server&apos;s account answer names an organization without its id.</source>
        <translation>Die Kontoantwort des Servers nennt eine Organisation ohne ihre ID.</translation>
    </message>
    <message numerus="yes">
        <source>You are no longer in %1: %n change(s) to its templates that waited here were dropped; your own templates are as they were.</source>
        <translation>
            <numerusform>Sie sind nicht mehr in %1: %n wartende Änderung an ihren Vorlagen wurde verworfen; Ihre eigenen Vorlagen sind unverändert.</numerusform>
            <numerusform>Sie sind nicht mehr in %1: %n wartende Änderungen an ihren Vorlagen wurden verworfen; Ihre eigenen Vorlagen sind unverändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server&apos;s account answer has no list of organizations.</source>
        <translation>Die Kontoantwort des Servers enthält keine Liste der Organisationen.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to %1&apos;s templates were made here by another account: they wait for it to sign in again.</source>
        <translation>
            <numerusform>%n Änderung an den Vorlagen von %1 wurde hier von einem anderen Konto gemacht: Sie wartet, bis es sich wieder anmeldet.</numerusform>
            <numerusform>%n Änderungen an den Vorlagen von %1 wurden hier von einem anderen Konto gemacht: Sie warten, bis es sich wieder anmeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its archive is not base64.</source>
        <translation>Ihr Archiv ist nicht Base64-kodiert.</translation>
    </message>
    <message numerus="yes">
        <source>Downloading %n file(s)…</source>
        <translation>
            <numerusform>Lade %n Datei herunter…</numerusform>
            <numerusform>Lade %n Dateien herunter…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot store the downloaded contents</source>
        <translation>Die heruntergeladenen Inhalte können nicht gespeichert werden</translation>
    </message>
    <message>
        <source>This project is not shared with a server: every file&apos;s contents are here.</source>
        <translation>Dieses Projekt ist mit keinem Server geteilt: Die Inhalte aller Dateien sind hier.</translation>
    </message>
    <message>
        <source>The folder of this project, %1, gets the team&apos;s changes, so it needs every file&apos;s contents: leave the folder as it is first (--folder-updates off), then download contents only when needed.</source>
        <translation>Der Ordner dieses Projekts, %1, erhält die Änderungen des Teams und braucht deshalb die Inhalte aller Dateien: Lassen Sie den Ordner zuerst, wie er ist (--folder-updates off), und laden Sie Inhalte dann erst bei Bedarf herunter.</translation>
    </message>
    <message>
        <source>Downloading the files of &quot;%1&quot;…</source>
        <translation>Lade die Dateien von „%1“ herunter…</translation>
    </message>
    <message>
        <source>This project is not shared with a server: its files are all here.</source>
        <translation>Dieses Projekt ist mit keinem Server geteilt: Alle seine Dateien sind hier.</translation>
    </message>
    <message>
        <source>A checkout folder holds every file, so its contents cannot wait until they are needed: clone with a checkout folder or with contents downloaded when needed, not both.</source>
        <translation>Ein Checkout-Ordner enthält jede Datei, daher können ihre Inhalte nicht warten, bis sie gebraucht werden: Klonen Sie mit Checkout-Ordner oder mit Inhalten bei Bedarf, nicht mit beidem.</translation>
    </message>
    <message>
        <source>The project has no file %1.</source>
        <translation>Das Projekt hat keine Datei %1.</translation>
    </message>
</context>
<context>
    <name>Realm::SyncClient::OrgTemplateState</name>
    <message>
        <source>Reading the organization&apos;s sync state failed</source>
        <translation>Der Abgleichsstand der Organisation konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Saving the organization&apos;s sync state failed</source>
        <translation>Der Abgleichsstand der Organisation konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Queuing the change failed</source>
        <translation>Die Änderung konnte nicht vorgemerkt werden</translation>
    </message>
    <message>
        <source>Reading the organization&apos;s waiting changes failed</source>
        <translation>Die wartenden Änderungen der Organisation konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Saving the server&apos;s answer failed</source>
        <translation>Die Antwort des Servers konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Forgetting an organization&apos;s templates failed</source>
        <translation>Die Vorlagen einer Organisation konnten nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>Realm::SyncClient::OrgTemplateSyncer</name>
    <message>
        <source>Only the admins and owners of %1 change its templates: ask one of them.</source>
        <translation>Nur Admins und Eigentümer von %1 ändern ihre Vorlagen: Fragen Sie eine dieser Personen.</translation>
    </message>
    <message>
        <source>You are in no organization named &quot;%1&quot; on %2 (realm-cli server whoami lists yours).</source>
        <translation>Sie sind in keiner Organisation namens „%1“ auf %2 (realm-cli server whoami listet Ihre auf).</translation>
    </message>
    <message>
        <source>%1 has no prompt template named &quot;%2&quot; (realm-cli prompt list shows the shared ones).</source>
        <translation>%1 hat keine Prompt-Vorlage namens „%2“ (realm-cli prompt list zeigt die geteilten).</translation>
    </message>
    <message>
        <source>Only your own templates can be published; duplicate &quot;%1&quot; under a name of yours first.</source>
        <translation>Nur eigene Vorlagen lassen sich veröffentlichen; duplizieren Sie „%1“ zuerst unter einem eigenen Namen.</translation>
    </message>
    <message>
        <source>%1 did not take your changes to its templates: %2 They were dropped here; your own templates are as they were.</source>
        <translation>%1 hat Ihre Änderungen an ihren Vorlagen nicht angenommen: %2 Sie wurden hier verworfen; Ihre eigenen Vorlagen sind unverändert.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the changes cannot be read: %1</source>
        <translation>Die Antwort des Servers auf die Änderungen ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>The server&apos;s list of template changes cannot be read: %1</source>
        <translation>Die Liste der Vorlagenänderungen des Servers ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Saving %1&apos;s templates failed</source>
        <translation>Die Vorlagen von %1 konnten nicht gespeichert werden</translation>
    </message>
    <message>
        <source>%1 keeps no organizations&apos; templates (a realm-server from before them): update it first.</source>
        <translation>%1 führt keine Vorlagen von Organisationen (ein älterer realm-server): Aktualisieren Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>Reading the organization&apos;s sync state failed</source>
        <translation>Der Abgleichsstand der Organisation konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The server answered %1 of the %2 changes sent.</source>
        <translation>Der Server hat %1 der %2 gesendeten Änderungen beantwortet.</translation>
    </message>
    <message>
        <source>Only your own templates can be published; copy &quot;%1&quot; under a name of yours first.</source>
        <translation>Nur eigene Vorlagen können veröffentlicht werden; kopieren Sie „%1“ zuerst unter einem eigenen Namen.</translation>
    </message>
    <message>
        <source>%1 has no documentation template named &quot;%2&quot; (realm-cli docs template list shows the shared ones).</source>
        <translation>%1 hat keine Dokumentationsvorlage namens „%2“ (realm-cli docs template list zeigt die geteilten).</translation>
    </message>
    <message>
        <source>Only your own templates can be published; save &quot;%1&quot; under a name of yours first.</source>
        <translation>Nur eigene Vorlagen können veröffentlicht werden; speichern Sie „%1“ zuerst unter einem eigenen Namen.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Abgebrochen: Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>%1 has no starter template named &quot;%2&quot; (realm-cli template list shows the shared ones).</source>
        <translation>%1 hat keine Starter-Vorlage namens „%2“ (realm-cli template list zeigt die geteilten).</translation>
    </message>
    <message>
        <source>Cancelled after the server took the change: it is done.</source>
        <translation>Abgebrochen, nachdem der Server die Änderung übernommen hatte: Sie ist erledigt.</translation>
    </message>
    <message>
        <source>Cancelled: the change waits here, and the next sync sends it (realm-cli sync status shows what waits).</source>
        <translation>Abgebrochen: Die Änderung wartet hier, und der nächste Abgleich sendet sie (realm-cli sync status zeigt, was wartet).</translation>
    </message>
    <message>
        <source>%1 did not take your change to %2: %3 It was dropped here (if %4 is older than this REALM, update it first).</source>
        <translation>%1 hat Ihre Änderung an %2 nicht übernommen: %3 Sie wurde hier verworfen (ist %4 älter als dieses REALM, aktualisieren Sie es zuerst).</translation>
    </message>
</context>
<context>
    <name>Realm::TeamClient</name>
    <message>
        <source>Cannot reach the server at %1: %2. Check the address and that it runs.</source>
        <translation>Der Server unter %1 ist nicht erreichbar: %2. Prüfen Sie die Adresse und ob er läuft.</translation>
    </message>
    <message>
        <source>The server answered %1 without saying why.</source>
        <translation>Der Server antwortete mit %1, ohne einen Grund zu nennen.</translation>
    </message>
    <message>
        <source>The server at %1 answered with something that is not REALM&apos;s JSON. Is it a realm-server?</source>
        <translation>Der Server unter %1 antwortete nicht mit REALMs JSON. Ist es ein realm-server?</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address. Write it as https://realm.example.org or http://127.0.0.1:8470.</source>
        <translation>„%1“ ist keine Serveradresse. Schreiben Sie sie als https://realm.example.org oder http://127.0.0.1:8470.</translation>
    </message>
    <message>
        <source>Signed in, but the login cannot be kept: %1 For scripts, set REALM_SERVER_TOKEN to an API key instead.</source>
        <translation>Angemeldet, aber die Anmeldung kann nicht gespeichert werden: %1 Für Skripte setzen Sie stattdessen REALM_SERVER_TOKEN auf einen API-Schlüssel.</translation>
    </message>
    <message>
        <source>Not signed in to a REALM server. Run `realm-cli server login URL --email EMAIL` first.</source>
        <translation>Nicht bei einem REALM-Server angemeldet. Führen Sie zuerst `realm-cli server login URL --email EMAIL` aus.</translation>
    </message>
    <message>
        <source>The login to %1 is not kept here any more. Sign in again.</source>
        <translation>Die Anmeldung bei %1 ist hier nicht mehr gespeichert. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The session on %1 has ended. Sign in again with `realm-cli server login`.</source>
        <translation>Die Sitzung auf %1 ist beendet. Melden Sie sich mit `realm-cli server login` erneut an.</translation>
    </message>
    <message>
        <source>REALM_SERVER_TOKEN is set but no server is named: set REALM_SERVER_URL too.</source>
        <translation>REALM_SERVER_TOKEN ist gesetzt, aber kein Server genannt: Setzen Sie auch REALM_SERVER_URL.</translation>
    </message>
    <message>
        <source>Not signed in to a REALM server.</source>
        <translation>Nicht bei einem REALM-Server angemeldet.</translation>
    </message>
    <message>
        <source>The connection to the server was lost; reconnecting.</source>
        <translation>Die Verbindung zum Server ist abgerissen; sie wird neu aufgebaut.</translation>
    </message>
    <message>
        <source>The server stopped answering; reconnecting.</source>
        <translation>Der Server antwortet nicht mehr; die Verbindung wird neu aufgebaut.</translation>
    </message>
    <message>
        <source>The connection to %1 broke off before its answer was complete (%2). Nothing is lost: sync again.</source>
        <translation>Die Verbindung zu %1 brach ab, bevor die Antwort vollständig war (%2). Nichts ist verloren: Gleichen Sie erneut ab.</translation>
    </message>
    <message>
        <source>The server at %1 answered with something that is not REALM&apos;s JSON: a proxy&apos;s error page, or not a realm-server. Try again; if it goes on, check the address.</source>
        <translation>Der Server unter %1 antwortete mit etwas, das kein JSON von REALM ist: die Fehlerseite eines Proxys oder kein realm-server. Versuchen Sie es erneut; wenn es so bleibt, prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>%1 stopped answering (nothing came for %2 s): the network or the server is down or overloaded. Nothing is lost: sync again later.</source>
        <translation>%1 antwortet nicht mehr (seit %2 s kam nichts): Das Netz oder der Server ist ausgefallen oder überlastet. Nichts ist verloren: Gleichen Sie später erneut ab.</translation>
    </message>
    <message>
        <source>The server refused REALM_SERVER_TOKEN: the key was revoked or has expired. Make a new one (POST /api/v1/api-keys).</source>
        <translation>Der Server hat REALM_SERVER_TOKEN abgelehnt: Der Schlüssel wurde widerrufen oder ist abgelaufen. Erstellen Sie einen neuen (POST /api/v1/api-keys).</translation>
    </message>
    <message>
        <source>No new access token came: REALM is closing, or the sign-in was ended meanwhile. Sync again (sign in first if asked).</source>
        <translation>Es kam kein neues Zugriffstoken: REALM wird beendet, oder die Anmeldung wurde inzwischen beendet. Synchronisieren Sie erneut (melden Sie sich zuerst an, falls verlangt).</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ChatHistory</name>
    <message>
        <source>Search all conversations</source>
        <translation>Alle Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out</source>
        <translation>%1 Token ein, %2 aus</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Pin to the Top</source>
        <translation>Oben anheften</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>In den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>Alle Projekte</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>Jeder Anbieter</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Nur %1</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ChatInput</name>
    <message>
        <source>Ask about this project… (Enter sends, Shift+Enter: new line, Esc stops, ↑ edits the last question)</source>
        <translation>Fragen Sie zu diesem Projekt … (Eingabe sendet, Umschalt+Eingabe: neue Zeile, Esc hält an, ↑ bearbeitet die letzte Frage)</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ChatPanel</name>
    <message>
        <source>The LLM provider to ask</source>
        <translation>Der LLM-Anbieter, der gefragt wird</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Conversations, and search over all of them</source>
        <translation>Unterhaltungen und Suche über alle</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Start a new conversation</source>
        <translation>Eine neue Unterhaltung beginnen</translation>
    </message>
    <message>
        <source>Export Conversation…</source>
        <translation>Unterhaltung exportieren …</translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>Rename Conversation…</source>
        <translation>Unterhaltung umbenennen …</translation>
    </message>
    <message>
        <source>Rename Conversation</source>
        <translation>Unterhaltung umbenennen</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Manage Providers…</source>
        <translation>Anbieter verwalten …</translation>
    </message>
    <message>
        <source>Project context</source>
        <translation>Projektkontext</translation>
    </message>
    <message>
        <source>Send the code this question is about, found in the project, with the question</source>
        <translation>Den Code, um den es in der Frage geht, aus dem Projekt mitschicken</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Manage providers…</source>
        <translation>Anbieter verwalten …</translation>
    </message>
    <message>
        <source>Context from %1</source>
        <translation>Kontext aus %1</translation>
    </message>
    <message>
        <source>Sent with the next question. Click to remove; right-click to pin it for every question.</source>
        <translation>Wird mit der nächsten Frage gesendet. Klicken entfernt; Rechtsklick heftet es für jede Frage an.</translation>
    </message>
    <message>
        <source>No LLM provider is set up yet: choose “Manage providers…” to add one (Ollama, llama.cpp, OpenAI, Anthropic…).</source>
        <translation>Es ist noch kein LLM-Anbieter eingerichtet: Wählen Sie „Anbieter verwalten …“, um einen hinzuzufügen (Ollama, llama.cpp, OpenAI, Anthropic …).</translation>
    </message>
    <message>
        <source>Editing a question: Enter sends it as a new version, Esc cancels.</source>
        <translation>Frage wird bearbeitet: Eingabe sendet sie als neue Version, Esc bricht ab.</translation>
    </message>
    <message>
        <source>Context sent with this question</source>
        <translation>Mit dieser Frage gesendeter Kontext</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>No provider</source>
        <translation>Kein Anbieter</translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML (*.html);;PDF (*.pdf);;JSON, for import elsewhere (*.json)</source>
        <translation>Markdown (*.md);;HTML (*.html);;PDF (*.pdf);;JSON, zum Import anderswo (*.json)</translation>
    </message>
    <message>
        <source>Moved to the trash; `realm-cli chat restore %1` brings it back.</source>
        <translation>In den Papierkorb verschoben; `realm-cli chat restore %1` holt sie zurück.</translation>
    </message>
    <message>
        <source>The model; type to search the provider&apos;s models, or any name it knows</source>
        <translation>Das Modell; tippen Sie, um die Modelle des Anbieters zu durchsuchen, oder einen beliebigen Namen, den er kennt</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <source>There is no prompt template named &quot;%1&quot;.</source>
        <translation>Es gibt keine Prompt-Vorlage namens „%1“.</translation>
    </message>
    <message>
        <source>Read and edit the prompt if you like; Enter sends it.</source>
        <translation>Lesen und bearbeiten Sie den Prompt nach Belieben; Eingabe sendet ihn.</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ChatView</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation>Werkzeugergebnis</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message numerus="yes">
        <source>Context (%n item(s))</source>
        <translation>
            <numerusform>Kontext (%n Element)</numerusform>
            <numerusform>Kontext (%n Elemente)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in / %2 out tokens</source>
        <translation>%1 Token ein / %2 aus</translation>
    </message>
    <message>
        <source>Stopped before the end.</source>
        <translation>Vor dem Ende angehalten.</translation>
    </message>
    <message>
        <source>Interrupted: REALM closed while this answer was arriving.</source>
        <translation>Unterbrochen: REALM wurde geschlossen, während diese Antwort eintraf.</translation>
    </message>
    <message>
        <source>Looks up %1</source>
        <translation>Schlägt nach: %1</translation>
    </message>
    <message numerus="yes">
        <source>… %n more line(s)</source>
        <translation>
            <numerusform>… %n weitere Zeile</numerusform>
            <numerusform>… %n weitere Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Chat with an LLM about your code.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;REALM talks to local models (Ollama, llama.cpp, LM Studio, vLLM) and to OpenAI, Anthropic or any OpenAI-compatible service.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Unterhalten Sie sich mit einem LLM über Ihren Code.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;REALM spricht mit lokalen Modellen (Ollama, llama.cpp, LM Studio, vLLM) und mit OpenAI, Anthropic oder jedem OpenAI-kompatiblen Dienst.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Set up a provider…</source>
        <translation>Einen Anbieter einrichten …</translation>
    </message>
    <message>
        <source>&lt;p&gt;Ask anything about &lt;b&gt;%1&lt;/b&gt;. The code your question is about is found and sent with it; Ctrl+Shift+A adds the selection or the open file.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Fragen Sie alles zu &lt;b&gt;%1&lt;/b&gt;. Der Code, um den es in Ihrer Frage geht, wird gefunden und mitgeschickt; Strg+Umschalt+A fügt die Auswahl oder die geöffnete Datei hinzu.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Ask anything. Open a project to ask about its code.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Fragen Sie, was Sie möchten. Öffnen Sie ein Projekt, um zu seinem Code zu fragen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Edit Provider…</source>
        <translation>Anbieter bearbeiten…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::CodeTasks</name>
    <message>
        <source>&amp;Explain Selection</source>
        <translation>Auswahl &amp;erklären</translation>
    </message>
    <message>
        <source>Find &amp;Bugs in Selection</source>
        <translation>&amp;Fehler in der Auswahl finden</translation>
    </message>
    <message>
        <source>&amp;Document Selection</source>
        <translation>Auswahl &amp;dokumentieren</translation>
    </message>
    <message>
        <source>&amp;Refactor Selection</source>
        <translation>Auswahl &amp;umbauen</translation>
    </message>
    <message>
        <source>Write &amp;Tests for File</source>
        <translation>&amp;Tests für die Datei schreiben</translation>
    </message>
    <message>
        <source>&amp;Summarize File</source>
        <translation>Datei &amp;zusammenfassen</translation>
    </message>
</context>
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
        <source>Type a command</source>
        <translation>Befehl eingeben</translation>
    </message>
    <message>
        <source>No matching commands</source>
        <translation>Keine passenden Befehle</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ConflictsDialog</name>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>Keep &amp;Theirs</source>
        <translation>&amp;Ihre behalten</translation>
    </message>
    <message>
        <source>Keep &amp;Both</source>
        <translation>&amp;Beide behalten</translation>
    </message>
    <message>
        <source>Conflicts in %1</source>
        <translation>Konflikte in %1</translation>
    </message>
    <message>
        <source>The later change (the copy) goes under the file&apos;s name; the copy goes.</source>
        <translation>Die spätere Änderung (die Kopie) kommt unter den Namen der Datei; die Kopie verschwindet.</translation>
    </message>
    <message>
        <source>The file stays as the team has it; the copy goes.</source>
        <translation>Die Datei bleibt, wie das Team sie hat; die Kopie verschwindet.</translation>
    </message>
    <message>
        <source>Both stay: the copy loses &quot;conflict&quot; from its name.</source>
        <translation>Beide bleiben: Die Kopie verliert „conflict“ aus ihrem Namen.</translation>
    </message>
    <message>
        <source>%1 — %2&apos;s change of %3</source>
        <translation>%1 — Änderung von %2 vom %3</translation>
    </message>
    <message>
        <source>No conflicts are left in this project.</source>
        <translation>In diesem Projekt sind keine Konflikte mehr übrig.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Theirs&lt;/b&gt; — %1, as the team has it</source>
        <translation>&lt;b&gt;Ihre&lt;/b&gt; — %1, wie das Team sie hat</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mine&lt;/b&gt; — %1, %2&apos;s later change</source>
        <translation>&lt;b&gt;Meine&lt;/b&gt; — %1, die spätere Änderung von %2</translation>
    </message>
    <message numerus="yes">
        <source>(binary: %n byte(s))</source>
        <translation>
            <numerusform>(binär: %n Byte)</numerusform>
            <numerusform>(binär: %n Bytes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::DocTemplatesDialog</name>
    <message>
        <source>API reference</source>
        <translation>API-Referenz</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigenes</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>S&amp;hare</source>
        <translation>Tei&amp;len</translation>
    </message>
    <message>
        <source>Documentation Templates</source>
        <translation>Dokumentationsvorlagen</translation>
    </message>
    <message>
        <source>lower-case-name, chosen in the Docs tab</source>
        <translation>name-in-kleinbuchstaben, im Reiter „Doku“ gewählt</translation>
    </message>
    <message>
        <source>What the model should write, e.g. “A one-page brief for new contributors.”</source>
        <translation>Was das Modell schreiben soll, z. B. „Eine einseitige Einführung für neue Mitwirkende.“</translation>
    </message>
    <message>
        <source>Mustache: the variables REALM&apos;s own template of this kind lists in its first lines.</source>
        <translation>Mustache: die Variablen, die REALMs eigene Vorlage dieser Art in ihren ersten Zeilen nennt.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>&amp;Prompt:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>Publish this template, as saved, to an organization you administer, or withdraw an organization&apos;s template</source>
        <translation>Diese Vorlage, wie gespeichert, in einer Organisation veröffentlichen, die Sie verwalten, oder die Vorlage einer Organisation zurückziehen</translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation>Speichern (%1)</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (eingebaut)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>REALM&apos;s own template: duplicate it to make one of your own.</source>
        <translation>REALMs eigene Vorlage: duplizieren Sie sie, um eine eigene daraus zu machen.</translation>
    </message>
    <message>
        <source>&quot;built-in&quot; names REALM&apos;s own templates; choose another name.</source>
        <translation>„built-in“ bezeichnet REALMs eigene Vorlagen; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>You already have a template named &quot;%1&quot;.</source>
        <translation>Sie haben schon eine Vorlage namens „%1“.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot;.</source>
        <translation>„%1“ entfernt.</translation>
    </message>
    <message>
        <source>Save your changes to &quot;%1&quot; before closing?</source>
        <translation>Ihre Änderungen an „%1“ vor dem Schließen speichern?</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Discard your changes to &quot;%1&quot;?</source>
        <translation>Ihre Änderungen an „%1“ verwerfen?</translation>
    </message>
    <message>
        <source>Discard your changes to &quot;%1&quot;? (%2)</source>
        <translation>Ihre Änderungen an „%1“ verwerfen? (%2)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Add a template exported from another workspace (a .json file) to yours</source>
        <translation>Eine aus einem anderen Arbeitsbereich exportierte Vorlage (eine .json-Datei) zu Ihren hinzufügen</translation>
    </message>
    <message>
        <source>Write the template shown, as saved, to a .json file another workspace imports</source>
        <translation>Die angezeigte Vorlage, wie gespeichert, in eine .json-Datei schreiben, die ein anderer Arbeitsbereich importiert</translation>
    </message>
    <message>
        <source>Import a Documentation Template</source>
        <translation>Dokumentationsvorlage importieren</translation>
    </message>
    <message>
        <source>Documentation templates (*.json)</source>
        <translation>Dokumentationsvorlagen (*.json)</translation>
    </message>
    <message>
        <source>Export the Documentation Template</source>
        <translation>Dokumentationsvorlage exportieren</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is %2 MB: a documentation template file is at most 4 MB.</source>
        <translation>%1 ist %2 MB groß: Eine Dokumentationsvorlagen-Datei darf höchstens 4 MB groß sein.</translation>
    </message>
    <message>
        <source>Imported &quot;%1&quot;.</source>
        <translation>„%1“ importiert.</translation>
    </message>
    <message>
        <source>Exported &quot;%1&quot; to %2.</source>
        <translation>„%1“ nach %2 exportiert.</translation>
    </message>
    <message>
        <source>%1 Rename or remove yours, then import again.</source>
        <translation>%1 Benennen Sie Ihre um oder entfernen Sie sie, dann importieren Sie erneut.</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::DocsPanel</name>
    <message>
        <source>API reference</source>
        <translation>API-Referenz</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Overview (written by a model)</source>
        <translation>Überblick (von einem Modell geschrieben)</translation>
    </message>
    <message>
        <source>Custom (template and prompt)</source>
        <translation>Eigenes (Vorlage und Prompt)</translation>
    </message>
    <message>
        <source>the provider&apos;s default model</source>
        <translation>das Standardmodell des Anbieters</translation>
    </message>
    <message>
        <source>What should the model write? e.g. “An architecture document for new contributors.”</source>
        <translation>Was soll das Modell schreiben? z. B. „Ein Architekturdokument für neue Mitwirkende.“</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>&amp;Prompt:</translation>
    </message>
    <message>
        <source>Generate (Ctrl+Return)</source>
        <translation>Erzeugen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation>HTML-Seite</translation>
    </message>
    <message>
        <source>HTML site</source>
        <translation>HTML-Website</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Export Documentation To</source>
        <translation>Dokumentation exportieren nach</translation>
    </message>
    <message>
        <source>Delete Document</source>
        <translation>Dokument löschen</translation>
    </message>
    <message>
        <source>Delete this version of the document from the workspace?</source>
        <translation>Diese Version des Dokuments aus dem Arbeitsbereich löschen?</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Eingebaut</translation>
    </message>
    <message>
        <source>No provider set up (Chat → Providers…)</source>
        <translation>Kein Anbieter eingerichtet (Chat → Anbieter …)</translation>
    </message>
    <message>
        <source>The preview ends here; export the document to read all of it.</source>
        <translation>Die Vorschau endet hier; exportieren Sie das Dokument, um alles zu lesen.</translation>
    </message>
    <message>
        <source>The overview and custom documents are written by a model: set up a provider first (Chat → Providers…), e.g. a local Ollama.</source>
        <translation>Überblick und eigene Dokumente schreibt ein Modell: richten Sie zuerst einen Anbieter ein (Chat → Anbieter …), z. B. ein lokales Ollama.</translation>
    </message>
    <message>
        <source>Write a prompt: what the model should write.</source>
        <translation>Schreiben Sie einen Prompt: was das Modell schreiben soll.</translation>
    </message>
    <message>
        <source>Reading symbols…</source>
        <translation>Symbole werden gelesen …</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Abgebrochen: nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Nothing changed since this version: shown as it is, nothing redone.</source>
        <translation>Seit dieser Version hat sich nichts geändert: unverändert angezeigt, nichts neu erzeugt.</translation>
    </message>
    <message>
        <source>Summaries: %1 written by %2, %3 reused.</source>
        <translation>Zusammenfassungen: %1 geschrieben von %2, %3 wiederverwendet.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert …</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportiert nach %1.</translation>
    </message>
    <message>
        <source>&amp;Only symbols with a documentation comment</source>
        <translation>Nur Symbole mit D&amp;okumentationskommentar</translation>
    </message>
    <message>
        <source>Leave out symbols without a comment (types stay for their documented members), like Doxygen&apos;s EXTRACT_ALL = NO. Coverage still counts every public symbol.</source>
        <translation>Symbole ohne Kommentar weglassen (Typen bleiben wegen ihrer dokumentierten Mitglieder), wie EXTRACT_ALL = NO bei Doxygen. Die Abdeckung zählt weiterhin jedes öffentliche Symbol.</translation>
    </message>
    <message>
        <source>documented only</source>
        <translation>nur dokumentierte</translation>
    </message>
    <message>
        <source>Done: %1 from %2, %3 % documented.</source>
        <translation>Fertig: %1 aus %2, %3 % dokumentiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n symbol(s)</source>
        <translation>
            <numerusform>%n Symbol</numerusform>
            <numerusform>%n Symbole</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redone: symbols of %n file(s), %1 reused.</source>
        <translation>
            <numerusform>Neu ermittelt: Symbole aus %n Datei, %1 wiederverwendet.</numerusform>
            <numerusform>Neu ermittelt: Symbole aus %n Dateien, %1 wiederverwendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>Bearbe&amp;iten …</translation>
    </message>
    <message>
        <source>Documentation templates: copy REALM&apos;s, write your own, share them with an organization</source>
        <translation>Dokumentationsvorlagen: REALMs kopieren, eigene schreiben, mit einer Organisation teilen</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::DownloadFirst</name>
    <message>
        <source>Downloading the file contents this project has not downloaded yet…</source>
        <translation>Lade die noch nicht heruntergeladenen Dateiinhalte dieses Projekts herunter…</translation>
    </message>
    <message>
        <source>Cancelled before anything was downloaded.</source>
        <translation>Abgebrochen, bevor etwas heruntergeladen wurde.</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::EditorArea</name>
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
    <message>
        <source>Mixed line endings</source>
        <translation>Gemischte Zeilenenden</translation>
    </message>
    <message>
        <source>Ln %1, Col %2</source>
        <translation>Z. %1, Sp. %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>tab text: project name, file name</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1
in %2</source>
        <comment>tab tooltip: file path, project name</comment>
        <translation>%1
in %2</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>Binär</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ExportDialog</name>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Export “%1”</source>
        <translation>„%1“ exportieren</translation>
    </message>
    <message>
        <source>ZIP archive (.zip)</source>
        <translation>ZIP-Archiv (.zip)</translation>
    </message>
    <message>
        <source>Compressed tar archive (.tar.gz)</source>
        <translation>Komprimiertes tar-Archiv (.tar.gz)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Speichern als:</translation>
    </message>
    <message>
        <source>Export As</source>
        <translation>Exportieren als</translation>
    </message>
    <message>
        <source>Archives (*.zip *.tar.gz *.tgz)</source>
        <translation>Archive (*.zip *.tar.gz *.tgz)</translation>
    </message>
    <message>
        <source>Cancel Export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Git repository (a commit per version)</source>
        <translation>Git-Repository (ein Commit pro Version)</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>&amp;Branch:</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <source>Export Into Repository</source>
        <translation>In Repository exportieren</translation>
    </message>
    <message>
        <source>Choose where the export goes.</source>
        <translation>Wählen Sie, wohin exportiert werden soll.</translation>
    </message>
    <message>
        <source>Where the archive or repository goes</source>
        <translation>Wohin das Archiv oder Repository kommt</translation>
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
    <name>Realm::Ui::FindBar</name>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>Nur ganze Wörter</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Find in file</source>
        <translation>In Datei suchen</translation>
    </message>
    <message>
        <source>Invalid pattern</source>
        <translation>Ungültiges Muster</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3, Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+F3, Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next match (F3, Enter)</source>
        <translation>Nächster Treffer (F3, Eingabe)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n</source>
        <comment>find: current match of all matches</comment>
        <translation>
            <numerusform>%1 von %n</numerusform>
            <numerusform>%1 von %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::FolderWatch</name>
    <message>
        <source>%1 of the %2 files of &quot;%3&quot; are gone from %4: not taken in by itself, in case the folder is being moved or its disk went away. Refresh (F5) takes the deletions in.</source>
        <translation>%1 der %2 Dateien von „%3“ fehlen in %4: nicht von selbst übernommen, falls der Ordner gerade verschoben wird oder sein Datenträger fort ist. Aktualisieren (F5) übernimmt die Löschungen.</translation>
    </message>
    <message>
        <source>%1 of the %2 files of &quot;%3&quot; are not in %4: it is not refreshed by itself. Refresh (F5) once the folder is back takes in what changed there.</source>
        <translation>%1 der %2 Dateien von „%3“ sind nicht in %4: Das Projekt wird nicht von selbst aktualisiert. Aktualisieren (F5), sobald der Ordner wieder da ist, übernimmt, was sich dort geändert hat.</translation>
    </message>
    <message numerus="yes">
        <source>Only the folders of &quot;%1&quot; are watched: its %n file(s) are more than REALM may watch (%2). A file saved in place is picked up by Refresh (F5); raising fs.inotify.max_user_watches lifts the limit.</source>
        <translation>
            <numerusform>Von „%1“ werden nur die Ordner beobachtet: Seine %n Datei ist mehr, als REALM beobachten darf (%2). Eine an Ort und Stelle gespeicherte Datei wird mit Aktualisieren (F5) übernommen; ein höheres fs.inotify.max_user_watches hebt die Grenze auf.</numerusform>
            <numerusform>Von „%1“ werden nur die Ordner beobachtet: Seine %n Dateien sind mehr, als REALM beobachten darf (%2). Eine an Ort und Stelle gespeicherte Datei wird mit Aktualisieren (F5) übernommen; ein höheres fs.inotify.max_user_watches hebt die Grenze auf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Following the folder of the project: %1</source>
        <translation>Dem Ordner des Projekts folgen: %1</translation>
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
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Import &amp;Another</source>
        <translation>&amp;Weiteren importieren</translation>
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
    <name>Realm::Ui::ImportRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
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
    <message numerus="yes">
        <source>&quot;%1&quot; was imported with %n file(s).</source>
        <translation>
            <numerusform>„%1“ wurde mit %n Datei importiert.</numerusform>
            <numerusform>„%1“ wurde mit %n Dateien importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rejected: %1, skipped: %2, warnings: %3.</source>
        <translation>Abgelehnt: %1, übersprungen: %2, Warnungen: %3.</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::LineChart</name>
    <message>
        <source>No versions yet.</source>
        <translation>Noch keine Versionen.</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::MainWindow</name>
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
        <source>Import failed</source>
        <translation>Import fehlgeschlagen</translation>
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
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Ask About the Selection</source>
        <translation>Zur &amp;Auswahl fragen</translation>
    </message>
    <message>
        <source>%1 (selection)</source>
        <translation>%1 (Auswahl)</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>&amp;Neue Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Providers…</source>
        <translation>&amp;Anbieter …</translation>
    </message>
    <message>
        <source>Docs</source>
        <translation>Doku</translation>
    </message>
    <message>
        <source>Generate &amp;Documentation…</source>
        <translation>&amp;Dokumentation erzeugen …</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Stats</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>&amp;New Project from Template…</source>
        <translation>&amp;Neues Projekt aus Vorlage …</translation>
    </message>
    <message>
        <source>Created &quot;%1&quot;.</source>
        <translation>„%1“ angelegt.</translation>
    </message>
    <message>
        <source>Save as &amp;Template…</source>
        <translation>Als &amp;Vorlage speichern …</translation>
    </message>
    <message>
        <source>Saved the template &quot;%1&quot;: File → New Project from Template offers it.</source>
        <translation>Vorlage „%1“ gespeichert: Datei → Neues Projekt aus Vorlage bietet sie an.</translation>
    </message>
    <message>
        <source>Cannot list the projects: %1</source>
        <translation>Die Projekte lassen sich nicht auflisten: %1</translation>
    </message>
    <message>
        <source>&lt;h2&gt;The workspace cannot be read&lt;/h2&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Der Arbeitsbereich lässt sich nicht lesen&lt;/h2&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot list the project&apos;s files: %1</source>
        <translation>Die Dateien des Projekts lassen sich nicht auflisten: %1</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details …</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>&amp;Projects</source>
        <translation>&amp;Projekte</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>&amp;Dateien</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suche</translation>
    </message>
    <message>
        <source>C&amp;hat</source>
        <translation>C&amp;hat</translation>
    </message>
    <message>
        <source>&amp;Docs</source>
        <translation>D&amp;oku</translation>
    </message>
    <message>
        <source>S&amp;tats</source>
        <translation>S&amp;tatistik</translation>
    </message>
    <message>
        <source>&amp;Hide Panel</source>
        <translation>Bereich a&amp;usblenden</translation>
    </message>
    <message>
        <source>Pa&amp;nels</source>
        <translation>Be&amp;reiche</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>Code &amp;Tasks</source>
        <translation>Code-&amp;Aufgaben</translation>
    </message>
    <message>
        <source>Prompt Te&amp;mplates…</source>
        <translation>Prompt-&amp;Vorlagen…</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>Documentation Te&amp;mplates…</source>
        <translation>Dokumentations&amp;vorlagen …</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::NewProjectDialog</name>
    <message>
        <source>&amp;Create Project</source>
        <translation>Projekt &amp;anlegen</translation>
    </message>
    <message>
        <source>New Project from Template</source>
        <translation>Neues Projekt aus Vorlage</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Create the Project In</source>
        <translation>Projekt anlegen in</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>%1 is not empty; choose a new or empty folder.</source>
        <translation>%1 ist nicht leer; wählen Sie einen neuen oder leeren Ordner.</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (yours)</source>
        <translation>%1 (eigene)</translation>
    </message>
    <message>
        <source>Choose the folder to create the project in.</source>
        <translation>Wählen Sie den Ordner, in dem das Projekt angelegt werden soll.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>S&amp;hare</source>
        <translation>Tei&amp;len</translation>
    </message>
    <message>
        <source>Publish one of your templates to an organization you administer, or withdraw an organization&apos;s template</source>
        <translation>Eine Ihrer Vorlagen in einer Organisation veröffentlichen, die Sie verwalten, oder die Vorlage einer Organisation zurückziehen</translation>
    </message>
    <message>
        <source>Your templates cannot be read: %1</source>
        <translation>Ihre Vorlagen können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::OrgTemplateSync</name>
    <message>
        <source>Sign in to a team server first (Team → Connect to Server).</source>
        <translation>Melden Sie sich zuerst bei einem Team-Server an (Team → Mit Server verbinden).</translation>
    </message>
    <message>
        <source>Published &quot;%1&quot; to %2: its members have it now.</source>
        <translation>„%1“ für %2 veröffentlicht: Alle Mitglieder haben sie jetzt.</translation>
    </message>
    <message>
        <source>Withdrew &quot;%1&quot; from %2.</source>
        <translation>„%1“ von %2 zurückgezogen.</translation>
    </message>
    <message>
        <source>%1 It waits here and is sent with the next sync.</source>
        <translation>%1 Sie wartet hier und wird beim nächsten Abgleich gesendet.</translation>
    </message>
    <message>
        <source>Someone changed &quot;%1&quot; in %2 since it was read here: it stays. Look at it, then try again.</source>
        <translation>Jemand hat „%1“ in %2 geändert, seit es hier gelesen wurde: Es bleibt. Sehen Sie es sich an und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1&apos;s prompt template &quot;%2&quot; was changed by someone since it was read here: it stays as they left it.</source>
        <translation>Die Prompt-Vorlage „%2“ von %1 wurde geändert, seit sie hier gelesen wurde: Sie bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>%1&apos;s documentation template &quot;%2&quot; was changed by someone since it was read here: it stays as they left it.</source>
        <translation>Die Dokumentationsvorlage „%2“ von %1 wurde geändert, seit sie hier gelesen wurde: Sie bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>%1&apos;s starter template &quot;%2&quot; was changed by someone since it was read here: it stays as they left it.</source>
        <translation>Die Starter-Vorlage „%2“ von %1 wurde geändert, seit sie hier gelesen wurde: Sie bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>%1&apos;s prompt template &quot;%2&quot; is not one REALM can use: ask its admins to mend it.</source>
        <translation>REALM kann die Prompt-Vorlage „%2“ von %1 nicht verwenden: Bitten Sie die Admins von %1, sie zu reparieren.</translation>
    </message>
    <message>
        <source>%1&apos;s documentation template &quot;%2&quot; is not one REALM can use: ask its admins to mend it.</source>
        <translation>REALM kann die Dokumentationsvorlage „%2“ von %1 nicht verwenden: Bitten Sie die Admins von %1, sie zu reparieren.</translation>
    </message>
    <message>
        <source>%1&apos;s starter template &quot;%2&quot; is not one REALM can use: ask its admins to mend it.</source>
        <translation>REALM kann die Starter-Vorlage „%2“ von %1 nicht verwenden: Bitten Sie die Admins von %1, sie zu reparieren.</translation>
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
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::PromptPicker</name>
    <message>
        <source>↑↓ choose · Enter fills the question box · Esc closes</source>
        <translation>↑↓ wählen · Eingabe füllt das Fragefeld · Esc schließt</translation>
    </message>
    <message>
        <source>No prompt template matches &quot;%1&quot;.</source>
        <translation>Keine Prompt-Vorlage passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::PromptsDialog</name>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Prompt Templates</source>
        <translation>Prompt-Vorlagen</translation>
    </message>
    <message>
        <source>lower-case-name, typed after /</source>
        <translation>name-in-kleinbuchstaben, nach / getippt</translation>
    </message>
    <message>
        <source>What menus show</source>
        <translation>Was Menüs zeigen</translation>
    </message>
    <message>
        <source>One line about it</source>
        <translation>Eine Zeile dazu</translation>
    </message>
    <message>
        <source>The prompt. {{selection}} is the code, {{file}} its path, {{language}} its language, {{language_id}} the code fence&apos;s name, {{project}} the project, {{diff}} a diff.</source>
        <translation>Der Prompt. {{selection}} ist der Code, {{file}} sein Pfad, {{language}} seine Sprache, {{language_id}} der Name für den Codeblock, {{project}} das Projekt, {{diff}} ein Diff.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>&amp;Prompt:</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Import Prompt Templates</source>
        <translation>Prompt-Vorlagen importieren</translation>
    </message>
    <message>
        <source>Prompt templates (*.json)</source>
        <translation>Prompt-Vorlagen (*.json)</translation>
    </message>
    <message>
        <source>Export Your Prompt Templates</source>
        <translation>Ihre Prompt-Vorlagen exportieren</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (eingebaut)</translation>
    </message>
    <message>
        <source>REALM&apos;s own template: duplicate it to make one of your own.</source>
        <translation>Eine Vorlage von REALM: Duplizieren Sie sie, um eine eigene daraus zu machen.</translation>
    </message>
    <message>
        <source>There is already a template named &quot;%1&quot;.</source>
        <translation>Es gibt bereits eine Vorlage namens „%1“.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n template(s) to %1.</source>
        <translation>
            <numerusform>%n Vorlage nach %1 exportiert.</numerusform>
            <numerusform>%n Vorlagen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>S&amp;hare</source>
        <translation>Tei&amp;len</translation>
    </message>
    <message>
        <source>Publish this template, as saved, to an organization you administer, or withdraw an organization&apos;s template</source>
        <translation>Diese Vorlage in ihrer gespeicherten Fassung für eine Organisation veröffentlichen, die Sie verwalten, oder die Vorlage einer Organisation zurückziehen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ProviderDialog</name>
    <message>
        <source>Store the key in the workspace as plain text</source>
        <translation>Den Schlüssel im Klartext im Arbeitsbereich speichern</translation>
    </message>
    <message>
        <source>LLM Providers</source>
        <translation>LLM-Anbieter</translation>
    </message>
    <message>
        <source>OpenAI-compatible (OpenAI, llama.cpp, LM Studio, vLLM, OpenRouter)</source>
        <translation>OpenAI-kompatibel (OpenAI, llama.cpp, LM Studio, vLLM, OpenRouter)</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>unknown (8,192 assumed)</source>
        <translation>unbekannt (8.192 angenommen)</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored key; local servers need none</source>
        <translation>Leer lassen, um den gespeicherten Schlüssel zu behalten; lokale Server brauchen keinen</translation>
    </message>
    <message>
        <source>Only if no keychain is available: anyone who can read the workspace file can read the key.</source>
        <translation>Nur wenn kein Schlüsselbund verfügbar ist: Wer die Arbeitsbereichsdatei lesen kann, kann auch den Schlüssel lesen.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <source>Default &amp;model:</source>
        <translation>Standard&amp;modell:</translation>
    </message>
    <message>
        <source>&amp;Context window:</source>
        <translation>&amp;Kontextfenster:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>No API key stored.</source>
        <translation>Kein API-Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>The API key is in the system keychain.</source>
        <translation>Der API-Schlüssel liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>No keychain was available: the key is kept only until REALM closes.</source>
        <translation>Es war kein Schlüsselbund verfügbar: Der Schlüssel bleibt nur erhalten, bis REALM geschlossen wird.</translation>
    </message>
    <message>
        <source>⚠ The API key is stored as PLAIN TEXT in the workspace file.</source>
        <translation>⚠ Der API-Schlüssel ist im KLARTEXT in der Arbeitsbereichsdatei gespeichert.</translation>
    </message>
    <message>
        <source>Enter the key again to move it to another place.</source>
        <translation>Geben Sie den Schlüssel erneut ein, um ihn an einen anderen Ort zu verschieben.</translation>
    </message>
    <message>
        <source>No keychain is available: the key works until REALM closes. Tick plain-text storage to keep it.</source>
        <translation>Kein Schlüsselbund verfügbar: Der Schlüssel gilt, bis REALM geschlossen wird. Wählen Sie die Klartext-Speicherung, um ihn zu behalten.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message numerus="yes">
        <source>✓ Connected: %n model(s) available.</source>
        <translation>
            <numerusform>✓ Verbunden: %n Modell verfügbar.</numerusform>
            <numerusform>✓ Verbunden: %n Modelle verfügbar.</numerusform>
        </translation>
    </message>
    <message>
        <source>The model may search and read the project (tools)</source>
        <translation>Das Modell darf das Projekt durchsuchen und lesen (Werkzeuge)</translation>
    </message>
    <message>
        <source>e.g. Local Ollama, OpenAI</source>
        <translation>z. B. Lokales Ollama, OpenAI</translation>
    </message>
    <message>
        <source>Test Connection lists the server&apos;s models</source>
        <translation>„Verbindung testen“ listet die Modelle des Servers</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::QuickOpenDialog</name>
    <message>
        <source>Type part of a file name or path</source>
        <translation>Teil eines Dateinamens oder Pfads eingeben</translation>
    </message>
    <message>
        <source>No matching files</source>
        <translation>Keine passenden Dateien</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::SaveTemplateDialog</name>
    <message>
        <source>&amp;Save Template</source>
        <translation>Vorlage &amp;speichern</translation>
    </message>
    <message>
        <source>Save “%1” as a Template</source>
        <translation>„%1“ als Vorlage speichern</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Text it replaces</source>
        <translation>Text, den sie ersetzt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Variables — each text becomes {{variable}} in the files and their names:</source>
        <translation>Variablen — jeder Text wird in den Dateien und ihren Namen zu {{variable}}:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Dateien:</translation>
    </message>
    <message>
        <source>Tick at least one file.</source>
        <translation>Wählen Sie mindestens eine Datei.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>There is already a template named %1; choose another name.</source>
        <translation>Es gibt schon eine Vorlage namens %1; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>One line about what it starts</source>
        <translation>Eine Zeile dazu, was sie anlegt</translation>
    </message>
    <message>
        <source>Only me</source>
        <translation>Nur ich</translation>
    </message>
    <message>
        <source>S&amp;hare with:</source>
        <translation>Tei&amp;len mit:</translation>
    </message>
    <message>
        <source>%1 (all its members)</source>
        <translation>%1 (alle Mitglieder)</translation>
    </message>
    <message>
        <source>Publishing to %1…</source>
        <translation>Wird für %1 veröffentlicht…</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot; as your template, but not published to %2: %3</source>
        <translation>„%1“ als Ihre Vorlage gespeichert, aber nicht für %2 veröffentlicht: %3</translation>
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
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message numerus="yes">
        <source>%n matching line(s)</source>
        <translation>
            <numerusform>%n passende Zeile</numerusform>
            <numerusform>%n passende Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n file(s) not downloaded to this machine were not searched.)</source>
        <translation>
            <numerusform>(%n nicht auf diesen Rechner heruntergeladene Datei wurde nicht durchsucht.)</numerusform>
            <numerusform>(%n nicht auf diesen Rechner heruntergeladene Dateien wurden nicht durchsucht.)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ServerDialog</name>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Ihre Rolle</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>Sign Out &amp;Others</source>
        <translation>&amp;Andere abmelden</translation>
    </message>
    <message>
        <source>Si&amp;gn Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Connect to Server</source>
        <translation>Mit Server verbinden</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>sie@example.org</translation>
    </message>
    <message>
        <source>Sign in to your team&apos;s REALM server to share projects with it. Your sign-in is kept in the system keychain.</source>
        <translation>Melden Sie sich beim REALM-Server Ihres Teams an, um Projekte mit ihm zu teilen. Die Anmeldung wird im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>End every session of your account except this computer&apos;s</source>
        <translation>Alle Sitzungen Ihres Kontos beenden außer der dieses Computers</translation>
    </message>
    <message>
        <source>Organizations:</source>
        <translation>Organisationen:</translation>
    </message>
    <message>
        <source>Sessions:</source>
        <translation>Sitzungen:</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2.</source>
        <translation>Angemeldet als %1 auf %2.</translation>
    </message>
    <message>
        <source>Give the server&apos;s address, your email and your password.</source>
        <translation>Geben Sie die Adresse des Servers, Ihre E-Mail und Ihr Passwort an.</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1…</translation>
    </message>
    <message>
        <source>Loading your account…</source>
        <translation>Ihr Konto wird geladen…</translation>
    </message>
    <message>
        <source>Signing out your other sessions…</source>
        <translation>Ihre anderen Sitzungen werden abgemeldet…</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmelden…</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt; (%2) on %3.</source>
        <translation>Angemeldet als &lt;b&gt;%1&lt;/b&gt; (%2) auf %3.</translation>
    </message>
    <message>
        <source>None yet: an organization&apos;s admin can invite you.</source>
        <translation>Noch keine: Die Administration einer Organisation kann Sie einladen.</translation>
    </message>
    <message>
        <source>unknown program</source>
        <translation>unbekanntes Programm</translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1 (dieser Computer)</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app, or a recovery code</source>
        <translation>6 Ziffern aus Ihrer Authenticator-App oder ein Wiederherstellungscode</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ServerProjectsDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Clone</source>
        <translation>&amp;Klonen</translation>
    </message>
    <message>
        <source>Server Projects</source>
        <translation>Projekte auf dem Server</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Ihre Rolle</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>Optional: a new or empty folder for the files</source>
        <translation>Optional: ein neuer oder leerer Ordner für die Dateien</translation>
    </message>
    <message>
        <source>&amp;Name here:</source>
        <translation>&amp;Name hier:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Folder for the Files</source>
        <translation>Ordner für die Dateien</translation>
    </message>
    <message>
        <source>Sign in to your team&apos;s server first: Team → Connect to Server.</source>
        <translation>Melden Sie sich zuerst am Server Ihres Teams an: Team → Mit Server verbinden.</translation>
    </message>
    <message>
        <source>Reading the projects on %1…</source>
        <translation>Projekte auf %1 werden gelesen…</translation>
    </message>
    <message>
        <source>You belong to no organization on this server yet: an organization&apos;s admin can invite you.</source>
        <translation>Sie gehören auf diesem Server noch zu keiner Organisation: Die Administration einer Organisation kann Sie einladen.</translation>
    </message>
    <message>
        <source>No projects are shared with you yet.</source>
        <translation>Noch keine Projekte sind mit Ihnen geteilt.</translation>
    </message>
    <message>
        <source>Cloning…</source>
        <translation>Wird geklont…</translation>
    </message>
    <message>
        <source>Download file contents only &amp;when needed</source>
        <translation>Dateiinhalte nur &amp;bei Bedarf herunterladen</translation>
    </message>
    <message>
        <source>A file&apos;s contents are downloaded when you open it (or all at once: uncheck Team → Download File Contents Only When Needed): a large project is ready sooner and takes less space. Not with a folder, which holds every file.</source>
        <translation>Der Inhalt einer Datei wird heruntergeladen, wenn Sie sie öffnen (oder alle auf einmal: Team → Dateiinhalte nur bei Bedarf herunterladen abwählen): Ein großes Projekt ist schneller bereit und braucht weniger Platz. Nicht mit einem Ordner, der jede Datei enthält.</translation>
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
    <message>
        <source>Give the whole path, e.g. %1.</source>
        <translation>Geben Sie den ganzen Pfad an, z. B. %1.</translation>
    </message>
    <message>
        <source>Name the workspace file itself, e.g. %1.</source>
        <translation>Nennen Sie die Arbeitsbereichsdatei selbst, z. B. %1.</translation>
    </message>
    <message>
        <source>Refresh the open project when files change in its folder</source>
        <translation>Das offene Projekt aktualisieren, wenn sich Dateien in seinem Ordner ändern</translation>
    </message>
    <message>
        <source>Files saved from another editor, a git checkout, new and deleted files: read into the workspace within a moment, without pressing F5.</source>
        <translation>In einem anderen Editor gespeicherte Dateien, ein git checkout, neue und gelöschte Dateien: nach einem Augenblick im Arbeitsbereich, ohne F5.</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ShareDialog</name>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Teilen</translation>
    </message>
    <message>
        <source>&amp;Give Role</source>
        <translation>Rolle &amp;geben</translation>
    </message>
    <message>
        <source>Share %1</source>
        <translation>%1 teilen</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Email of a user, or a team&apos;s name</source>
        <translation>E-Mail einer Person oder Name eines Teams</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Lesend</translation>
    </message>
    <message>
        <source>Reads the project; their own changes stay on their machine.</source>
        <translation>Liest das Projekt; eigene Änderungen bleiben auf dem eigenen Rechner.</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Bearbeitend</translation>
    </message>
    <message>
        <source>Changes files, conversations and documents.</source>
        <translation>Ändert Dateien, Unterhaltungen und Dokumente.</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Also renames or deletes the project and manages its members.</source>
        <translation>Benennt das Projekt außerdem um, löscht es und verwaltet seine Mitglieder.</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>Sign in to your team&apos;s server first: Team → Connect to Server.</source>
        <translation>Melden Sie sich zuerst am Server Ihres Teams an: Team → Mit Server verbinden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is shared on %2 (server id %3). Everyone below gets its files, conversations and documents.</source>
        <translation>„%1“ ist auf %2 geteilt (Server-ID %3). Alle unten Genannten erhalten seine Dateien, Unterhaltungen und Dokumente.</translation>
    </message>
    <message>
        <source>Send &quot;%1&quot; to %2: its files, conversations and documents go to the organization you choose, and this copy stays in step with it.</source>
        <translation>„%1“ an %2 senden: Seine Dateien, Unterhaltungen und Dokumente gehen an die gewählte Organisation, und diese Kopie bleibt mit ihr im Gleichschritt.</translation>
    </message>
    <message>
        <source>You belong to no organization on this server yet: an organization&apos;s admin can invite you.</source>
        <translation>Sie gehören auf diesem Server noch zu keiner Organisation: Die Administration einer Organisation kann Sie einladen.</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Sharing…</source>
        <translation>Wird geteilt…</translation>
    </message>
    <message>
        <source>Give the email of a user (or a team&apos;s name) first.</source>
        <translation>Geben Sie zuerst die E-Mail einer Person (oder den Namen eines Teams) an.</translation>
    </message>
    <message>
        <source>Sharing &quot;%1&quot; did not finish: %2 has not confirmed it yet. Share again to finish it — nothing is made or sent twice.</source>
        <translation>Das Teilen von &quot;%1&quot; wurde nicht abgeschlossen: %2 hat es noch nicht bestätigt. Teilen Sie erneut, um es abzuschließen – nichts wird doppelt angelegt oder gesendet.</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Type a command or a key, e.g. find or ctrl+shift</source>
        <translation>Befehl oder Taste eingeben, z. B. suchen oder strg+umschalt</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::StatsPanel</name>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>&amp;Tables</source>
        <translation>&amp;Tabellen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Blank</source>
        <translation>Leer</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Versions that changed it</source>
        <translation>Versionen, die sie geändert haben</translation>
    </message>
    <message>
        <source>Show the numbers behind every chart</source>
        <translation>Die Zahlen hinter jedem Diagramm zeigen</translation>
    </message>
    <message>
        <source>&amp;Recompute</source>
        <translation>&amp;Neu berechnen</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Marker</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Lines by language</source>
        <translation>Zeilen nach Sprache</translation>
    </message>
    <message>
        <source>Growth over versions</source>
        <translation>Wachstum über die Versionen</translation>
    </message>
    <message>
        <source>Largest files</source>
        <translation>Größte Dateien</translation>
    </message>
    <message>
        <source>Most changed files</source>
        <translation>Am häufigsten geänderte Dateien</translation>
    </message>
    <message>
        <source>TODO, FIXME and HACK</source>
        <translation>TODO, FIXME und HACK</translation>
    </message>
    <message>
        <source>no API reference yet (Docs tab)</source>
        <translation>noch keine API-Referenz (Doku-Tab)</translation>
    </message>
    <message>
        <source>%1 % of public symbols</source>
        <translation>%1 % der öffentlichen Symbole</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; files (%2 binary), %3 · &lt;b&gt;%4&lt;/b&gt; lines: %5 code, %6 comment, %7 blank&lt;br&gt;%8 TODO · %9 FIXME · %10 HACK · documented: %11</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Dateien (%2 binär), %3 · &lt;b&gt;%4&lt;/b&gt; Zeilen: %5 Code, %6 Kommentar, %7 leer&lt;br&gt;%8 TODO · %9 FIXME · %10 HACK · dokumentiert: %11</translation>
    </message>
    <message numerus="yes">
        <source>Analyzed %n new file content(s).</source>
        <translation>
            <numerusform>%n neuer Dateiinhalt analysiert.</numerusform>
            <numerusform>%n neue Dateiinhalte analysiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Generate API Reference</source>
        <translation>API-Referenz erzeugen</translation>
    </message>
    <message>
        <source>No text to count.</source>
        <translation>Kein Text zum Zählen.</translation>
    </message>
    <message>
        <source>One version so far: refresh the project to see how it grows.</source>
        <translation>Bisher eine Version: Aktualisieren Sie das Projekt, um zu sehen, wie es wächst.</translation>
    </message>
    <message>
        <source>No versions yet.</source>
        <translation>Noch keine Versionen.</translation>
    </message>
    <message>
        <source>No files.</source>
        <translation>Keine Dateien.</translation>
    </message>
    <message>
        <source>No file has changed since the first version.</source>
        <translation>Seit der ersten Version hat sich keine Datei geändert.</translation>
    </message>
    <message>
        <source>No TODO, FIXME or HACK in the comments.</source>
        <translation>Kein TODO, FIXME oder HACK in den Kommentaren.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::SyncController</name>
    <message>
        <source>Last synced %1.</source>
        <translation>Zuletzt abgeglichen %1.</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Noch nicht abgeglichen.</translation>
    </message>
    <message>
        <source>Shared on %1.</source>
        <translation>Geteilt auf %1.</translation>
    </message>
    <message>
        <source>No longer shared</source>
        <translation>Nicht mehr geteilt</translation>
    </message>
    <message>
        <source>This project is no longer shared with you; the copy here is kept as it is.</source>
        <translation>Dieses Projekt ist nicht mehr mit Ihnen geteilt; die Kopie hier bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Abgleich läuft…</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message>
        <source>Two changes to the same lines were both kept. Team → Resolve Conflicts to choose.</source>
        <translation>Zwei Änderungen derselben Zeilen wurden beide behalten. Team → Konflikte lösen, um zu wählen.</translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n waiting</source>
        <translation>
            <numerusform>Offline · %n wartet</numerusform>
            <numerusform>Offline · %n warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Nicht abgeglichen</translation>
    </message>
    <message numerus="yes">
        <source>%n kept here</source>
        <translation>
            <numerusform>%n hier behalten</numerusform>
            <numerusform>%n hier behalten</numerusform>
        </translation>
    </message>
    <message>
        <source>You may only view this project: your changes stay on this machine.</source>
        <translation>Sie dürfen dieses Projekt nur ansehen: Ihre Änderungen bleiben auf diesem Rechner.</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartet</numerusform>
            <numerusform>%n warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes made here wait for the next sync.</source>
        <translation>Hier gemachte Änderungen warten auf den nächsten Abgleich.</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Abgeglichen</translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <translation>Abgleich abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>The team&apos;s changes would delete %n file(s) of this project here: they wait for your answer (Team → Sync Now asks again).</source>
        <translation>
            <numerusform>Die Änderungen des Teams würden hier %n Datei dieses Projekts löschen: Sie warten auf Ihre Antwort (Team → Jetzt abgleichen fragt erneut).</numerusform>
            <numerusform>Die Änderungen des Teams würden hier %n Dateien dieses Projekts löschen: Sie warten auf Ihre Antwort (Team → Jetzt abgleichen fragt erneut).</numerusform>
        </translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>Download abgebrochen.</translation>
    </message>
    <message>
        <source>The download did not run.</source>
        <translation>Der Download wurde nicht ausgeführt.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of it were never downloaded here, and no longer can be.</source>
        <translation>
            <numerusform>%n Datei davon wurde hier nie heruntergeladen und kann es nicht mehr werden.</numerusform>
            <numerusform>%n Dateien davon wurden hier nie heruntergeladen und können es nicht mehr werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) not downloaded yet: each downloads when opened.</source>
        <translation>
            <numerusform>%n Datei noch nicht heruntergeladen: Sie wird beim Öffnen heruntergeladen.</numerusform>
            <numerusform>%n Dateien noch nicht heruntergeladen: Jede wird beim Öffnen heruntergeladen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Realm::Ui::TeamActions</name>
    <message>
        <source>&amp;Connect to Server…</source>
        <translation>Mit &amp;Server verbinden…</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>Jetzt &amp;abgleichen</translation>
    </message>
    <message>
        <source>S&amp;hare Project…</source>
        <translation>Projekt &amp;teilen…</translation>
    </message>
    <message>
        <source>&amp;Resolve Conflicts…</source>
        <translation>&amp;Konflikte lösen…</translation>
    </message>
    <message>
        <source>Server &amp;Projects…</source>
        <translation>&amp;Projekte auf dem Server…</translation>
    </message>
    <message>
        <source>Send this workspace&apos;s changes to the team server and receive the team&apos;s</source>
        <translation>Die Änderungen dieses Arbeitsbereichs an den Team-Server senden und die des Teams empfangen</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Abgleich fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Synced; %n change(s) overlapped a teammate&apos;s and were kept as conflict copies: Team → Resolve Conflicts.</source>
        <translation>
            <numerusform>Abgeglichen; %n Änderung überschnitt sich mit der eines Teammitglieds und wurde als Konfliktkopie behalten: Team → Konflikte lösen.</numerusform>
            <numerusform>Abgeglichen; %n Änderungen überschnitten sich mit denen von Teammitgliedern und wurden als Konfliktkopien behalten: Team → Konflikte lösen.</numerusform>
        </translation>
    </message>
    <message>
        <source>S&amp;hare Project (Members)…</source>
        <translation>Projekt &amp;teilen (Mitglieder)…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Abgleich läuft…</translation>
    </message>
    <message>
        <source>Not signed in: changes wait here</source>
        <translation>Nicht angemeldet: Änderungen warten hier</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Abgeglichen %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht abgeglichen</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartet</numerusform>
            <numerusform>%n warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Live: teammates&apos; changes arrive as they are made.</source>
        <translation>Live: Änderungen des Teams kommen an, sobald sie gemacht werden.</translation>
    </message>
    <message>
        <source>Sharing failed: %1</source>
        <translation>Teilen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cloning failed: %1</source>
        <translation>Klonen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is shared.</source>
        <translation>„%1“ ist geteilt.</translation>
    </message>
    <message>
        <source>live updates off</source>
        <translation>Live-Aktualisierung aus</translation>
    </message>
    <message>
        <source>C&amp;ancel Sync</source>
        <translation>Synchronisierung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stop the sync, share or clone under way; what was not sent waits for the next sync</source>
        <translation>Laufende Synchronisierung, Freigabe oder Klonen anhalten; was nicht gesendet wurde, wartet auf die nächste Synchronisierung</translation>
    </message>
    <message>
        <source>Sync cancelled; changes not sent wait for the next sync.</source>
        <translation>Synchronisierung abgebrochen; nicht gesendete Änderungen warten auf die nächste Synchronisierung.</translation>
    </message>
    <message>
        <source>Sharing cancelled.</source>
        <translation>Freigabe abgebrochen.</translation>
    </message>
    <message>
        <source>Cloning cancelled.</source>
        <translation>Klonen abgebrochen.</translation>
    </message>
    <message>
        <source>%1 is here too</source>
        <translation>%1 ist auch hier</translation>
    </message>
    <message>
        <source>%1 and %2 are here too</source>
        <translation>%1 und %2 sind auch hier</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n more are here too</source>
        <translation>
            <numerusform>%1, %2 und %n weitere Person sind auch hier</numerusform>
            <numerusform>%1, %2 und %n weitere sind auch hier</numerusform>
        </translation>
    </message>
    <message>
        <source>Also has this project open: %1</source>
        <translation>Hat dieses Projekt auch geöffnet: %1</translation>
    </message>
    <message>
        <source>Delete Files Here?</source>
        <translation>Dateien hier löschen?</translation>
    </message>
    <message numerus="yes">
        <source>The team&apos;s changes would delete %n file(s) of &quot;%1&quot; — more than half of it. Delete them here too?</source>
        <translation>
            <numerusform>Die Änderungen des Teams würden %n Datei von &quot;%1&quot; löschen – mehr als die Hälfte. Auch hier löschen?</numerusform>
            <numerusform>Die Änderungen des Teams würden %n Dateien von &quot;%1&quot; löschen – mehr als die Hälfte. Auch hier löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed here yet. If the server was emptied or restored by mistake, keep the files: the project then waits, and Team → Sync Now asks again.</source>
        <translation>Hier wurde noch nichts geändert. Wurde der Server versehentlich geleert oder aus einer Sicherung wiederhergestellt, behalten Sie die Dateien: Das Projekt wartet dann, und Team → Jetzt abgleichen fragt erneut.</translation>
    </message>
    <message>
        <source>Delete Them Here</source>
        <translation>Hier löschen</translation>
    </message>
    <message>
        <source>Keep the Files</source>
        <translation>Dateien behalten</translation>
    </message>
    <message>
        <source>&amp;Update Project Folder With Team Changes</source>
        <translation>Projektordner mit Änderungen des Teams akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>On: files your teammates change are written into this project&apos;s folder too. Off: the folder stays as you keep it, and a refresh sends only what you change there.</source>
        <translation>Ein: Dateien, die Ihr Team ändert, werden auch in den Ordner dieses Projekts geschrieben. Aus: Der Ordner bleibt, wie Sie ihn halten, und eine Aktualisierung sendet nur, was Sie dort ändern.</translation>
    </message>
    <message>
        <source>Cannot change whether the folder of &quot;%1&quot; gets the team&apos;s changes: %2</source>
        <translation>Es lässt sich nicht ändern, ob der Ordner von „%1“ die Änderungen des Teams erhält: %2</translation>
    </message>
    <message numerus="yes">
        <source>The folder of &quot;%1&quot; gets the team&apos;s changes again (%n file(s) written or removed).</source>
        <translation>
            <numerusform>Der Ordner von „%1“ erhält wieder die Änderungen des Teams (%n Datei geschrieben oder entfernt).</numerusform>
            <numerusform>Der Ordner von „%1“ erhält wieder die Änderungen des Teams (%n Dateien geschrieben oder entfernt).</numerusform>
        </translation>
    </message>
    <message>
        <source>The folder of &quot;%1&quot; is left as it is when the team&apos;s changes arrive; a refresh sends only what you change there.</source>
        <translation>Der Ordner von „%1“ bleibt, wie er ist, wenn Änderungen des Teams eintreffen; eine Aktualisierung sendet nur, was Sie dort ändern.</translation>
    </message>
    <message>
        <source>The project is being imported or refreshed: try again when that is done.</source>
        <translation>Das Projekt wird gerade importiert oder aktualisiert: Versuchen Sie es erneut, wenn das erledigt ist.</translation>
    </message>
    <message>
        <source>Organizations&apos; templates: %1</source>
        <translation>Vorlagen der Organisationen: %1</translation>
    </message>
    <message>
        <source>&amp;Download File Contents Only When Needed</source>
        <translation>&amp;Dateiinhalte nur bei Bedarf herunterladen</translation>
    </message>
    <message>
        <source>On: a file&apos;s contents are downloaded when you open it. Off: every sync downloads all of them. Not for a project whose folder gets the team&apos;s changes.</source>
        <translation>Ein: Der Inhalt einer Datei wird heruntergeladen, wenn Sie sie öffnen. Aus: Jeder Abgleich lädt alle herunter. Nicht für ein Projekt, dessen Ordner die Änderungen des Teams erhält.</translation>
    </message>
    <message>
        <source>Download cancelled.</source>
        <translation>Herunterladen abgebrochen.</translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation>Herunterladen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cannot change how &quot;%1&quot; downloads file contents: %2</source>
        <translation>Es lässt sich nicht ändern, wie „%1“ Dateiinhalte herunterlädt: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; downloads a file&apos;s contents when you open it.</source>
        <translation>„%1“ lädt den Inhalt einer Datei herunter, wenn Sie sie öffnen.</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; downloads every file&apos;s contents: %n not here yet are downloaded now.</source>
        <translation>
            <numerusform>„%1“ lädt die Inhalte aller Dateien herunter: %n noch fehlende wird jetzt heruntergeladen.</numerusform>
            <numerusform>„%1“ lädt die Inhalte aller Dateien herunter: %n noch fehlende werden jetzt heruntergeladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>Lade %1 herunter…</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::TemplateSharing</name>
    <message>
        <source>%1&apos;s template, for all its members: Share withdraws it; duplicate it to make one of your own.</source>
        <translation>Vorlage von %1, für alle Mitglieder: „Teilen“ zieht sie zurück; duplizieren Sie sie, um eine eigene daraus zu machen.</translation>
    </message>
    <message>
        <source>%1&apos;s template, which its admins change: duplicate it to make one of your own.</source>
        <translation>Vorlage von %1, die deren Admins ändern: duplizieren Sie sie, um eine eigene daraus zu machen.</translation>
    </message>
    <message>
        <source>Publish to %1</source>
        <translation>Für %1 veröffentlichen</translation>
    </message>
    <message>
        <source>Withdraw from %1</source>
        <translation>Aus %1 zurückziehen</translation>
    </message>
    <message>
        <source>Only %1&apos;s admins change its templates</source>
        <translation>Nur die Admins von %1 ändern deren Vorlagen</translation>
    </message>
    <message>
        <source>Publishing &quot;%1&quot; to %2…</source>
        <translation>„%1“ wird für %2 veröffentlicht…</translation>
    </message>
    <message>
        <source>Withdrawing &quot;%1&quot; from %2…</source>
        <translation>„%1“ wird aus %2 zurückgezogen…</translation>
    </message>
    <message>
        <source>Sharing is not available: %1</source>
        <translation>Teilen ist nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>Realm::Ui::UserGuideDialog</name>
    <message>
        <source>REALM User Guide</source>
        <translation>REALM-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>The user guide is missing from this build: see README.md in REALM&apos;s sources.</source>
        <translation>Das Benutzerhandbuch fehlt in diesem Build: Siehe README.md in den Quellen von REALM.</translation>
    </message>
</context>
</TS>
