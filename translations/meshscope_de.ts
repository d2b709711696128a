<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CandidateSummary</name>
    <message>
        <location filename="../views/timeline/candidate_summary.cpp" line="58"/>
        <source>explained by callee %1</source>
        <translation>erklärt durch aufgerufenen Dienst %1</translation>
    </message>
    <message>
        <location filename="../views/timeline/candidate_summary.cpp" line="60"/>
        <source>explained by a callee</source>
        <translation>erklärt durch einen aufgerufenen Dienst</translation>
    </message>
    <message>
        <location filename="../views/timeline/candidate_summary.cpp" line="62"/>
        <source>no callee explains it</source>
        <translation>kein aufgerufener Dienst erklärt es</translation>
    </message>
    <message>
        <location filename="../views/timeline/candidate_summary.cpp" line="81"/>
        <source>onset %1</source>
        <translation>Beginn %1</translation>
    </message>
    <message>
        <location filename="../views/timeline/candidate_summary.cpp" line="84"/>
        <source>path %1</source>
        <translation>Pfad %1</translation>
    </message>
</context>
<context>
    <name>SignalPlots</name>
    <message>
        <location filename="../views/plots/plot_panel.cpp" line="64"/>
        <source>expected band</source>
        <translation>erwartetes Band</translation>
    </message>
    <message>
        <location filename="../views/plots/plot_panel.cpp" line="68"/>
        <source>comparison</source>
        <translation>Vergleich</translation>
    </message>
</context>
<context>
    <name>SummaryCharts</name>
    <message>
        <location filename="../views/charts/summary_data.cpp" line="80"/>
        <location filename="../views/charts/summary_data.cpp" line="112"/>
        <source>errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../views/charts/summary_data.cpp" line="111"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
</context>
<context>
    <name>TopologyLayouter</name>
    <message>
        <location filename="../views/topology/graphviz_layout.cpp" line="106"/>
        <source>Graphviz dot failed to lay out the topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/topology/graphviz_layout.cpp" line="127"/>
        <source>This build has no Graphviz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/topology/topology_layout.cpp" line="82"/>
        <source>Graphviz not available: grid layout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopologyScene</name>
    <message>
        <location filename="../views/topology/node_overlay_item.cpp" line="55"/>
        <source>suspected root cause</source>
        <translation>vermutete Ursache</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="23"/>
        <source>Incident console for service meshes</source>
        <translation>Vorfallkonsole für Service-Meshes</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="27"/>
        <source>Render the window after loading, save it as PNG and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="30"/>
        <source>Cursor time: ISO 8601, epoch seconds or +5m from the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="33"/>
        <source>Select a node or an edge (a-&gt;b).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="35"/>
        <source>Window size for --screenshot, WIDTHxHEIGHT (default 1600x900).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="39"/>
        <source>A .meshrec recording or importable dumps; the demo when none.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshscope</name>
    <message>
        <location filename="../core/model/meshscope_error.cpp" line="21"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../core/importers/case_export.cpp" line="127"/>
        <source>cannot create the case folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/case_export.cpp" line="129"/>
        <source>nothing to export: the data holds no samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/csv_reader.cpp" line="32"/>
        <source>unterminated quoted field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/csv_reader.cpp" line="47"/>
        <source>unexpected text after a closing quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/import_util.cpp" line="20"/>
        <location filename="../core/importers/importer.cpp" line="155"/>
        <source>cannot open for reading: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/import_util.cpp" line="22"/>
        <source>file is too large (%1 bytes; at most 2 GiB are accepted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/import_util.cpp" line="26"/>
        <source>read error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/import_util.cpp" line="34"/>
        <location filename="../core/importers/openmetrics_export.cpp" line="49"/>
        <source>cannot open for writing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/import_util.cpp" line="36"/>
        <location filename="../core/importers/openmetrics_export.cpp" line="39"/>
        <location filename="../core/importers/openmetrics_export.cpp" line="75"/>
        <source>write error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="115"/>
        <source>a recording cannot be imported into other data; open it on its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="138"/>
        <source>unknown format &quot;%1&quot; (use auto, meshrec, openmetrics, prom-json, kiali or case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="145"/>
        <source>no such file or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="149"/>
        <source>folder is not an investigation case (no signals.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="167"/>
        <source>JSON, but neither a Prometheus API response nor a Kiali graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="171"/>
        <source>cannot tell the format from the content; name it with --format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="177"/>
        <source>no input given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="51"/>
        <source>rate &quot;%1&quot; is neither a string nor a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="55"/>
        <source>rate &quot;%1&quot; is not a number: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="161"/>
        <source>edge %1 connects a node that is not in the graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="166"/>
        <source>edge %1: &quot;traffic&quot; is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="172"/>
        <source>edge %1: &quot;rates&quot; is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="195"/>
        <source>not a Kiali graph (no &quot;elements&quot; object)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="203"/>
        <source>&quot;elements.nodes&quot; and &quot;elements.edges&quot; must be arrays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="209"/>
        <source>a node&apos;s &quot;data&quot; is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="235"/>
        <location filename="../core/importers/prom_json.cpp" line="220"/>
        <source>not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="245"/>
        <source>unexpected Kiali graph content: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/mesh_signal_builder.cpp" line="359"/>
        <source>%1 histogram bucket series other than Istio&apos;s request duration were not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json.cpp" line="230"/>
        <source>malformed or unexpected JSON (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json.cpp" line="234"/>
        <source>not a Prometheus API response (no &quot;status&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json_import.cpp" line="20"/>
        <source>the saved response is a Prometheus error: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json_import.cpp" line="50"/>
        <source>%1: %2 NaN or infinite samples were skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/chunk_codec.cpp" line="25"/>
        <source>The recording is corrupt: a data chunk is damaged (%1). Restore the file from its source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/topology_frame_codec.cpp" line="83"/>
        <source>The recording is corrupt: a topology frame is damaged (%1 at offset %2). Restore the file from its source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/topology_frame_codec.cpp" line="156"/>
        <source>The recording is corrupt: a topology frame does not match the frame it refers to. Restore the file from its source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="31"/>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="33"/>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="35"/>
        <source>failure</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="39"/>
        <source>no traffic</source>
        <translation>kein Verkehr</translation>
    </message>
</context>
<context>
    <name>meshscope::ConnectionDialog</name>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="24"/>
        <source>Connect to a live mesh</source>
        <translation>Mit einem laufenden Mesh verbinden</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="26"/>
        <source>Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="27"/>
        <source>Kiali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="28"/>
        <source>Polling</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="34"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="52"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="53"/>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="54"/>
        <source>User and password</source>
        <translation>Benutzer und Passwort</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="61"/>
        <source>system CAs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="64"/>
        <source>Skip TLS certificate verification (unsafe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="65"/>
        <source>Anyone between you and the server can read and change the data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="70"/>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="71"/>
        <source>Prometheus URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="72"/>
        <source>Authentication</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="73"/>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="74"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="75"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="76"/>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="77"/>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="78"/>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="81"/>
        <source>Extra headers</source>
        <translation>Zusätzliche Header</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="93"/>
        <source>optional, e.g. https://host/kiali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="95"/>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="96"/>
        <source>Token (login)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="97"/>
        <source>Header (bearer on every request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="100"/>
        <source>Kiali URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="101"/>
        <source>Login</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="102"/>
        <source>Kubernetes token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="104"/>
        <source>Without Kiali the topology is rebuilt from Istio metrics in Prometheus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="113"/>
        <source>all namespaces with Istio traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="116"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="119"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="120"/>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="121"/>
        <source>Poll every</source>
        <translation>Abfrage alle</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="122"/>
        <source>Backfill on connect</source>
        <translation>Nachladen beim Verbinden</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="124"/>
        <source>No desktop keychain: secrets are asked for each session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshscope::ConnectionSecretStore</name>
    <message>
        <location filename="../views/dialogs/connection_secret_store.cpp" line="51"/>
        <location filename="../views/dialogs/connection_secret_store.cpp" line="72"/>
        <source>no desktop keychain in this build</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshscope::FindBar</name>
    <message>
        <location filename="../views/models/find_bar.cpp" line="19"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../views/models/find_bar.cpp" line="20"/>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location filename="../views/models/find_bar.cpp" line="21"/>
        <source>e.g. %err &gt; 5 and ns = shop, rt &gt; 500, name ~ cart, !healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/models/find_bar.cpp" line="23"/>
        <source>Presets</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <location filename="../views/models/find_bar.cpp" line="69"/>
        <source>column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
</context>
<context>
    <name>meshscope::LiveSession</name>
    <message>
        <location filename="../views/pages/live_session.cpp" line="277"/>
        <source>Live %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/pages/live_session.cpp" line="279"/>
        <source>Recording to %1</source>
        <translation>Aufzeichnung nach %1</translation>
    </message>
</context>
<context>
    <name>meshscope::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="62"/>
        <source>meshscope</source>
        <translation>meshscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="75"/>
        <source>The live connection stopped: %1</source>
        <translation>Die Live-Verbindung wurde beendet: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="85"/>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="94"/>
        <source>Loading was cancelled.</source>
        <translation>Das Laden wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="125"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="126"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="128"/>
        <source>Open &amp;Demo Recording</source>
        <translation>&amp;Demo-Aufzeichnung öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="129"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="131"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="133"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="136"/>
        <source>&amp;Cancel Loading</source>
        <translation>Laden &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="140"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="143"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="145"/>
        <source>&amp;Fit Topology</source>
        <translation>Topologie &amp;einpassen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="148"/>
        <source>&amp;Detect Again</source>
        <translation>Erneut &amp;erkennen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="153"/>
        <source>&amp;Replay</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="156"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="157"/>
        <source>&amp;About meshscope</source>
        <translation>&amp;Über meshscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="158"/>
        <source>About meshscope</source>
        <translation>Über meshscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="159"/>
        <source>&lt;b&gt;meshscope %1&lt;/b&gt;&lt;p&gt;Incident console for service meshes: topology, anomalies, incidents and replay of recorded metrics.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="175"/>
        <source>Cancel loading or detection (Esc)</source>
        <translation>Laden oder Erkennung abbrechen (Esc)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="201"/>
        <source>Plots</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="202"/>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="203"/>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="237"/>
        <source>The demo recording was not found. Build the demo_recording target or open a file with File › Open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="249"/>
        <source>Open recording or metrics dump</source>
        <translation>Aufzeichnung oder Metrik-Dump öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="250"/>
        <source>Recordings and dumps (*.meshrec *.om *.txt *.prom *.json *.csv);;Recordings (*.meshrec);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="276"/>
        <source>%1 — meshscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="278"/>
        <source>Loaded with %n warning(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="289"/>
        <source>Detecting anomalies in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="297"/>
        <source>Detection failed: %1</source>
        <translation>Erkennung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="302"/>
        <source>Detection was cancelled; View › Detect Again (Ctrl+D) restarts it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="346"/>
        <source>Could not open: %1</source>
        <translation>Konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="354"/>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="362"/>
        <source>%1 – %2 UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="363"/>
        <source>no samples</source>
        <translation>keine Messwerte</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="364"/>
        <source>%n series</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="365"/>
        <source>%n anomalies</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="366"/>
        <source>%n incidents</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="452"/>
        <source>live, recording to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshscope::MessageBar</name>
    <message>
        <location filename="../views/pages/message_bar.cpp" line="27"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>meshscope::OpenMetricsParser</name>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="119"/>
        <source># TYPE needs a metric name and a type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="138"/>
        <source>expected a metric name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="153"/>
        <source>unterminated label set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="158"/>
        <source>expected a space and a value after the metric name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="166"/>
        <source>sample value is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="173"/>
        <source>sample has no timestamp (meshscope imports OpenMetrics with timestamps in seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="178"/>
        <source>timestamp is not a number of seconds in range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="183"/>
        <source>unexpected text after the timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="204"/>
        <source>label value is not valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="219"/>
        <source>expected a label name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="224"/>
        <source>expected =&quot;value&quot; after label %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="237"/>
        <source>unterminated label value of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="245"/>
        <source>expected , between labels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshscope::RecordingFileProbe</name>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="72"/>
        <source>The recording does not exist. Check the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="74"/>
        <source>This is a folder, not a recording. Choose a .meshrec file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="77"/>
        <source>The recording cannot be read (%1). Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="81"/>
        <source>The file is empty (0 bytes): it is not a recording, or writing it failed before anything was saved. Record or export it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="87"/>
        <source>This is not a meshscope recording (it is not an SQLite file). If it holds metrics in another format, import it with `meshscope-cli import`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="92"/>
        <source>The recording is corrupt: its file header is damaged. Restore it from its source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="97"/>
        <source>The recording is truncated: it has %1 bytes but should have %2. The copy is incomplete; copy or download it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshscope::RecordingSchema</name>
    <message>
        <location filename="../core/recording/recording_schema.cpp" line="139"/>
        <source>This is an SQLite database but not a meshscope recording. Open a .meshrec file, or import the data with `meshscope-cli import`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/recording_schema.cpp" line="145"/>
        <source>The recording was written by a newer meshscope (schema version %1; this version reads up to %2). Update meshscope to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/recording_schema.cpp" line="152"/>
        <source>The recording has no schema version: it was never completely created or is damaged. Record or export it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshscope::RecordingWriter</name>
    <message>
        <location filename="../core/recording/recording.cpp" line="41"/>
        <source>The file already exists; choose another name or allow overwriting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/recording.cpp" line="43"/>
        <source>The existing file cannot be replaced; check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshscope::ReplayBar</name>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="47"/>
        <source>Scrub through the recording</source>
        <translation>Durch die Aufzeichnung spulen</translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="51"/>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="52"/>
        <source>Playback speed</source>
        <translation>Wiedergabegeschwindigkeit</translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="71"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="71"/>
        <location filename="../views/replay/replay_bar.cpp" line="91"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="89"/>
        <source>To start</source>
        <translation>Zum Anfang</translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="90"/>
        <source>Step back</source>
        <translation>Schritt zurück</translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="92"/>
        <source>Step forward</source>
        <translation>Schritt vor</translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="93"/>
        <source>To end</source>
        <translation>Zum Ende</translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="94"/>
        <source>Loop</source>
        <translation>Schleife</translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="96"/>
        <source>Set T0 here</source>
        <translation>T0 hier setzen</translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="139"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="142"/>
        <source> UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="144"/>
        <source>  T0 %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshscope::ScreenshotRunner</name>
    <message>
        <location filename="../app/gui/screenshot_runner.cpp" line="33"/>
        <source>timed out waiting for the data and its layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/screenshot_runner.cpp" line="69"/>
        <source>cannot read the time &quot;%1&quot; (use ISO 8601, epoch seconds or +5m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/screenshot_runner.cpp" line="98"/>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshscope::SignalPlots</name>
    <message>
        <location filename="../views/plots/signal_plots.cpp" line="44"/>
        <source>No comparison</source>
        <translation>Kein Vergleich</translation>
    </message>
    <message>
        <location filename="../views/plots/signal_plots.cpp" line="45"/>
        <source>Same time yesterday</source>
        <translation>Gleiche Zeit gestern</translation>
    </message>
    <message>
        <location filename="../views/plots/signal_plots.cpp" line="46"/>
        <source>Same time last week</source>
        <translation>Gleiche Zeit letzte Woche</translation>
    </message>
    <message>
        <location filename="../views/plots/signal_plots.cpp" line="102"/>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <location filename="../views/plots/signal_plots.cpp" line="103"/>
        <source>errors %</source>
        <translation>Fehler %</translation>
    </message>
    <message>
        <location filename="../views/plots/signal_plots.cpp" line="104"/>
        <source>latency ms</source>
        <translation>Latenz ms</translation>
    </message>
    <message>
        <location filename="../views/plots/signal_plots.cpp" line="268"/>
        <source>Select a service or an edge to see its signals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/plots/signal_plots.cpp" line="269"/>
        <source>Signals of %1</source>
        <translation>Signale von %1</translation>
    </message>
</context>
<context>
    <name>meshscope::SqliteDatabase</name>
    <message>
        <location filename="../core/recording/sqlite_database.cpp" line="69"/>
        <source>The recording is corrupt (%1 while %2). Restore it from its source; `sqlite3 FILE .recover` may save part of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_database.cpp" line="73"/>
        <source>The disk is full (%1 while %2). Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_database.cpp" line="77"/>
        <source>The recording is in use by another program (%1 while %2). Close it there and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_database.cpp" line="82"/>
        <source>The recording cannot be opened or written (%1 while %2). Check the path and its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_database.cpp" line="85"/>
        <source>Reading or writing the recording failed (%1 while %2). Check the disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_database.cpp" line="88"/>
        <source>SQLite failed on the recording (%1 while %2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshscope::SqliteRecordingReader</name>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="49"/>
        <source>not closed cleanly; recovered up to the last commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="50"/>
        <source>not closed cleanly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="68"/>
        <source>No temporary folder to recover the recording in (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="75"/>
        <source>Could not copy the recording to recover it; check the free space in the temporary folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="151"/>
        <source>The recording is corrupt: %1. Restore it from its source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="170"/>
        <source>a chunk of series data is damaged (checksum mismatch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="174"/>
        <source>a chunk&apos;s sample count does not match its index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="179"/>
        <source>the times of series chunks are out of order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="230"/>
        <source>a topology frame refers to a missing frame</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshscope::SqliteRecordingWriter</name>
    <message>
        <location filename="../core/recording/sqlite_recording_writer.cpp" line="71"/>
        <source>The recording is closed (after close() or an earlier error); open it again to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_writer.cpp" line="120"/>
        <source>Samples of %1 must be appended in increasing time order: %2 ms does not come after %3 ms.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>meshscope::SummaryCharts</name>
    <message>
        <location filename="../views/charts/summary_charts.cpp" line="22"/>
        <source>Anomalies per service (visible window)</source>
        <translation>Anomalien je Dienst (sichtbarer Bereich)</translation>
    </message>
    <message>
        <location filename="../views/charts/summary_charts.cpp" line="23"/>
        <source>no anomalies</source>
        <translation>keine Anomalien</translation>
    </message>
    <message>
        <location filename="../views/charts/summary_charts.cpp" line="24"/>
        <source>select an edge or a service with traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/charts/summary_charts.cpp" line="70"/>
        <source>Response codes</source>
        <translation>Antwortcodes</translation>
    </message>
    <message>
        <location filename="../views/charts/summary_charts.cpp" line="70"/>
        <source>Response codes: %1</source>
        <translation>Antwortcodes: %1</translation>
    </message>
</context>
<context>
    <name>meshscope::TimelineModel</name>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="40"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="42"/>
        <location filename="../views/timeline/timeline_view.cpp" line="51"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="43"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="111"/>
        <source>first affected %1</source>
        <translation>zuerst betroffen: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/timeline/timeline_model.cpp" line="112"/>
        <source>%n alerts</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="113"/>
        <source>resolved</source>
        <translation>behoben</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="113"/>
        <source>ongoing</source>
        <translation>andauernd</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="115"/>
        <source>likely cause %1</source>
        <translation>wahrscheinliche Ursache %1</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="124"/>
        <source>Not correlated (%1)</source>
        <translation>Nicht korreliert (%1)</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="262"/>
        <source>Entity / signal</source>
        <translation>Entität / Signal</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="264"/>
        <source>Significance</source>
        <translation>Signifikanz</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="266"/>
        <source>Onset (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="268"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="270"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/timeline/timeline_model.cpp" line="306"/>
        <source>%n anomalies</source>
        <translation>
            <numerusform>%n Anomalie</numerusform>
            <numerusform>%n Anomalien</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="355"/>
        <source>%1
observed %2 %4, expected %3 %4 at %5
detector: %6</source>
        <translation>%1
beobachtet %2 %4, erwartet %3 %4 um %5
Detektor: %6</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="393"/>
        <source>Likely root cause (top %1 of %2)</source>
        <translation>Wahrscheinliche Ursache (beste %1 von %2)</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="396"/>
        <source>Likely root cause (%1)</source>
        <translation>Wahrscheinliche Ursache (%1)</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="398"/>
        <source>Root-cause candidates, most likely first. Click one to focus it.</source>
        <translation>Ursachenkandidaten, der wahrscheinlichste zuerst. Ein Klick fokussiert ihn.</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="433"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="435"/>
        <location filename="../views/timeline/timeline_view.cpp" line="47"/>
        <source>score %1</source>
        <translation>Score %1</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="444"/>
        <source>%1. %2 (score %3)
%4</source>
        <translation>%1. %2 (Score %3)
%4</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="480"/>
        <source>Incident %1%2
first affected: %3
significance %4, %5 anomalies, %6</source>
        <translation>Vorfall %1%2
zuerst betroffen: %3
Signifikanz %4, %5 Anomalien, %6</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="481"/>
        <source> (resolved)</source>
        <translation> (behoben)</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="486"/>
        <source>Root-cause candidates:</source>
        <translation>Ursachenkandidaten:</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="446"/>
        <location filename="../views/timeline/timeline_model.cpp" line="496"/>
        <source>path: %1</source>
        <translation>Pfad: %1</translation>
    </message>
</context>
<context>
    <name>meshscope::TimelineView</name>
    <message>
        <location filename="../views/timeline/timeline_view.cpp" line="53"/>
        <source>Filter entity or signal</source>
        <translation>Entität oder Signal filtern</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_view.cpp" line="56"/>
        <source>significance ≥ </source>
        <translation>Signifikanz ≥ </translation>
    </message>
</context>
<context>
    <name>meshscope::TopologyPage</name>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="46"/>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="46"/>
        <source>Show request rates on edges</source>
        <translation>Anfrageraten an Kanten zeigen</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="47"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="47"/>
        <source>Show error percentages on edges</source>
        <translation>Fehleranteile an Kanten zeigen</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="48"/>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="48"/>
        <source>Show p95 latency on edges</source>
        <translation>p95-Latenz an Kanten zeigen</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="50"/>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="50"/>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="51"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="51"/>
        <source>Zoom out (-)</source>
        <translation>Verkleinern (-)</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="52"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="52"/>
        <source>Fit the whole mesh (F)</source>
        <translation>Ganzes Mesh einpassen (F)</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="57"/>
        <source>anomalous vs. its baseline</source>
        <translation>anomal ggü. eigener Basislinie</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="58"/>
        <source>degraded (Kiali)</source>
        <translation>beeinträchtigt (Kiali)</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="59"/>
        <source>failing (Kiali)</source>
        <translation>ausgefallen (Kiali)</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="60"/>
        <source>open incident</source>
        <translation>offener Vorfall</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="61"/>
        <source>suspected root cause</source>
        <translation>vermutete Ursache</translation>
    </message>
    <message>
        <location filename="../views/pages/topology_page.cpp" line="69"/>
        <source>Laying out…</source>
        <translation>Ordne an…</translation>
    </message>
</context>
<context>
    <name>meshscope::TopologyScene</name>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="68"/>
        <source>%1 rps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="70"/>
        <source>%1% err</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="72"/>
        <source>p95 %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="188"/>
        <source>%1 in namespace %2</source>
        <translation>%1 im Namespace %2</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="190"/>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="193"/>
        <source>inbound health: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="195"/>
        <source>anomalous (significance %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="197"/>
        <source>suspected root cause of an open incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="210"/>
        <source>request rate: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="211"/>
        <source>errors: %1%</source>
        <translation>Fehler: %1%</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="213"/>
        <source>p95 latency: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="214"/>
        <source>health (Kiali thresholds): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="216"/>
        <source>anomalous against its baseline (significance %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="218"/>
        <source>part of an open incident</source>
        <translation>Teil eines offenen Vorfalls</translation>
    </message>
</context>
<context>
    <name>meshscope::casefolder</name>
    <message>
        <location filename="../core/importers/case_import.cpp" line="65"/>
        <source>the header must be exactly &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="74"/>
        <location filename="../core/importers/case_import.cpp" line="128"/>
        <source>not valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="84"/>
        <source>expected 4 fields (timestamp,entity,signal,value), found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="87"/>
        <source>timestamp must be unix seconds (digits, optionally .digits): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="91"/>
        <source>value must be a finite number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="96"/>
        <source>bad entity name: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="99"/>
        <source>signal must match [a-z0-9_]+: &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="137"/>
        <source>expected 2 non-empty fields (source,destination)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="139"/>
        <source>topology.csv names nodes, not edges (found &quot;-&gt;&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="176"/>
        <source>not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="180"/>
        <source>case.json must hold a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="187"/>
        <source>case.json: &quot;%1&quot; has the wrong type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="199"/>
        <source>not a case folder: signals.csv is missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
