<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CandidateSummary</name>
    <message>
        <location filename="../views/timeline/candidate_summary.cpp" line="63"/>
        <source>explained by callee %1</source>
        <translation>erklärt durch aufgerufenen Dienst %1</translation>
    </message>
    <message>
        <location filename="../views/timeline/candidate_summary.cpp" line="65"/>
        <source>explained by a callee</source>
        <translation>erklärt durch einen aufgerufenen Dienst</translation>
    </message>
    <message>
        <location filename="../views/timeline/candidate_summary.cpp" line="67"/>
        <source>no callee explains it</source>
        <translation>kein aufgerufener Dienst erklärt es</translation>
    </message>
    <message>
        <location filename="../views/timeline/candidate_summary.cpp" line="86"/>
        <source>onset %1</source>
        <translation>Beginn %1</translation>
    </message>
    <message>
        <location filename="../views/timeline/candidate_summary.cpp" line="89"/>
        <source>path %1</source>
        <translation>Pfad %1</translation>
    </message>
</context>
<context>
    <name>DetectionTuningController</name>
    <message>
        <location filename="../app/gui/detection_tuning_controller.cpp" line="24"/>
        <source>Lower Sensitivity (0.5×)</source>
        <translation>Geringere Empfindlichkeit (0,5×)</translation>
    </message>
    <message>
        <location filename="../app/gui/detection_tuning_controller.cpp" line="25"/>
        <source>Normal Sensitivity</source>
        <translation>Normale Empfindlichkeit</translation>
    </message>
    <message>
        <location filename="../app/gui/detection_tuning_controller.cpp" line="26"/>
        <source>Higher Sensitivity (2×)</source>
        <translation>Höhere Empfindlichkeit (2×)</translation>
    </message>
</context>
<context>
    <name>FindExpression</name>
    <message>
        <location filename="../views/models/find_expression.cpp" line="65"/>
        <source>unterminated quoted text</source>
        <translation>nicht abgeschlossener Text in Anführungszeichen</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="82"/>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>unerwartetes Zeichen &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="152"/>
        <source>&apos;)&apos; without a matching &apos;(&apos;</source>
        <translation>&apos;)&apos; ohne passendes &apos;(&apos;</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="155"/>
        <source>expected &apos;and&apos; or &apos;or&apos; before &apos;%1&apos;</source>
        <translation>&apos;and&apos; oder &apos;or&apos; vor &apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="212"/>
        <source>missing &apos;)&apos; for the &apos;(&apos; here</source>
        <translation>fehlendes &apos;)&apos; zum &apos;(&apos; an dieser Stelle</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="219"/>
        <source>expected a condition</source>
        <translation>Bedingung erwartet</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="222"/>
        <source>expected a field or flag, got &apos;%1&apos;</source>
        <translation>Feld oder Flag erwartet, &apos;%1&apos; gefunden</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="237"/>
        <source>unknown field or flag &apos;%1&apos; (fields: %err rt rps name ns protocol; flags: anomalous healthy node edge)</source>
        <translation>unbekanntes Feld oder Flag &apos;%1&apos; (Felder: %err rt rps name ns protocol; Flags: anomalous healthy node edge)</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="245"/>
        <source>expected a comparison (&lt; &lt;= &gt; &gt;= = != ~ !~) after &apos;%1&apos;</source>
        <translation>Vergleich (&lt; &lt;= &gt; &gt;= = != ~ !~) nach &apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="252"/>
        <source>expected a value after &apos;%1&apos;</source>
        <translation>Wert nach &apos;%1&apos; erwartet</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="257"/>
        <source>&apos;%1&apos; compares numbers: use &lt; &lt;= &gt; &gt;= = !=</source>
        <translation>&apos;%1&apos; vergleicht Zahlen: verwenden Sie &lt; &lt;= &gt; &gt;= = !=</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="269"/>
        <source>&apos;%1&apos; needs a number, got &apos;%2&apos;</source>
        <translation>&apos;%1&apos; benötigt eine Zahl, &apos;%2&apos; gefunden</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="276"/>
        <source>&apos;%1&apos; compares text: use = != ~ !~</source>
        <translation>&apos;%1&apos; vergleicht Text: verwenden Sie = != ~ !~</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="409"/>
        <source>Anomalous</source>
        <translation>Anomal</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="410"/>
        <source>Not healthy</source>
        <translation>Nicht gesund</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="411"/>
        <source>Errors above 5%</source>
        <translation>Fehler über 5%</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="412"/>
        <source>Slow (p95 above 500 ms)</source>
        <translation>Langsam (p95 über 500 ms)</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="414"/>
        <source>Idle (below 1 req/s)</source>
        <translation>Im Leerlauf (unter 1 Anfrage/s)</translation>
    </message>
    <message>
        <location filename="../views/models/find_expression.cpp" line="415"/>
        <source>Edges with errors</source>
        <translation>Kanten mit Fehlern</translation>
    </message>
</context>
<context>
    <name>SignalPlots</name>
    <message>
        <location filename="../views/plots/plot_panel.cpp" line="69"/>
        <source>expected band</source>
        <translation>erwartetes Band</translation>
    </message>
    <message>
        <location filename="../views/plots/plot_panel.cpp" line="73"/>
        <source>comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location filename="../views/plots/plot_panel.cpp" line="102"/>
        <source>score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../views/plots/plot_panel.cpp" line="111"/>
        <source>anomaly score</source>
        <translation>Anomalie-Score</translation>
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
        <location filename="../views/topology/graphviz_layout.cpp" line="99"/>
        <source>Graphviz dot failed to lay out the topology</source>
        <translation>Graphviz dot konnte die Topologie nicht anordnen</translation>
    </message>
    <message>
        <location filename="../views/topology/graphviz_layout.cpp" line="158"/>
        <location filename="../views/topology/graphviz_layout.cpp" line="177"/>
        <source>This build has no Graphviz</source>
        <translation>Dieser Build enthält kein Graphviz</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/topology/topology_layout.cpp" line="33"/>
        <source>%n nodes: each namespace laid out on its own and tiled to fit the window</source>
        <translation>
            <numerusform>%n Knoten: jeder Namespace einzeln angeordnet und passend zum Fenster gekachelt</numerusform>
            <numerusform>%n Knoten: jeder Namespace einzeln angeordnet und passend zum Fenster gekachelt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/topology/topology_layout.cpp" line="47"/>
        <source>%n nodes: grid layout instead of dot</source>
        <translation>
            <numerusform>%n Knoten: Rasteranordnung statt dot</numerusform>
            <numerusform>%n Knoten: Rasteranordnung statt dot</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/topology/topology_layout.cpp" line="49"/>
        <source>Graphviz not available: grid layout</source>
        <translation>Graphviz nicht verfügbar: Rasteranordnung</translation>
    </message>
</context>
<context>
    <name>TopologyScene</name>
    <message>
        <location filename="../views/topology/node_overlay_item.cpp" line="58"/>
        <source>suspected root cause</source>
        <translation>vermutete Ursache</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="47"/>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="49"/>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="51"/>
        <source>failure</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="55"/>
        <source>no traffic</source>
        <translation>kein Verkehr</translation>
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
        <translation>Fenster nach dem Laden rendern, als PNG speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="30"/>
        <source>Cursor time: ISO 8601, epoch seconds or +5m from the start.</source>
        <translation>Cursor-Zeitpunkt: ISO 8601, Epochensekunden oder +5m ab Beginn.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="33"/>
        <source>Select a node or an edge (a-&gt;b).</source>
        <translation>Einen Knoten oder eine Kante auswählen (a-&gt;b).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="35"/>
        <source>Window size for --screenshot, WIDTHxHEIGHT (default 1600x900).</source>
        <translation>Fenstergröße für --screenshot, BREITExHÖHE (Standard 1600x900).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="39"/>
        <source>A .meshrec recording or importable dumps; the demo when none.</source>
        <translation>Eine .meshrec-Aufzeichnung oder importierbare Dumps; ohne Angabe die Demo.</translation>
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
        <translation>Fallordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../core/importers/case_export.cpp" line="129"/>
        <source>nothing to export: the data holds no samples</source>
        <translation>nichts zu exportieren: die Daten enthalten keine Messwerte</translation>
    </message>
    <message>
        <location filename="../core/importers/csv_reader.cpp" line="32"/>
        <source>unterminated quoted field</source>
        <translation>nicht abgeschlossenes Feld in Anführungszeichen</translation>
    </message>
    <message>
        <location filename="../core/importers/csv_reader.cpp" line="47"/>
        <source>unexpected text after a closing quote</source>
        <translation>unerwarteter Text nach einem schließenden Anführungszeichen</translation>
    </message>
    <message>
        <location filename="../core/importers/import_util.cpp" line="20"/>
        <location filename="../core/importers/importer.cpp" line="155"/>
        <source>cannot open for reading: %1</source>
        <translation>kann nicht zum Lesen geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../core/importers/import_util.cpp" line="22"/>
        <source>file is too large (%1 bytes; at most 2 GiB are accepted)</source>
        <translation>Datei ist zu groß (%1 Bytes; höchstens 2 GiB werden akzeptiert)</translation>
    </message>
    <message>
        <location filename="../core/importers/import_util.cpp" line="26"/>
        <source>read error: %1</source>
        <translation>Lesefehler: %1</translation>
    </message>
    <message>
        <location filename="../core/importers/import_util.cpp" line="34"/>
        <location filename="../core/importers/openmetrics_export.cpp" line="49"/>
        <source>cannot open for writing: %1</source>
        <translation>kann nicht zum Schreiben geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../core/importers/import_util.cpp" line="36"/>
        <location filename="../core/importers/openmetrics_export.cpp" line="39"/>
        <location filename="../core/importers/openmetrics_export.cpp" line="75"/>
        <source>write error: %1</source>
        <translation>Schreibfehler: %1</translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="115"/>
        <source>a recording cannot be imported into other data; open it on its own</source>
        <translation>eine Aufzeichnung kann nicht in andere Daten importiert werden; öffnen Sie sie einzeln</translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="138"/>
        <source>unknown format &quot;%1&quot; (use auto, meshrec, openmetrics, prom-json, kiali or case)</source>
        <translation>unbekanntes Format &quot;%1&quot; (auto, meshrec, openmetrics, prom-json, kiali oder case verwenden)</translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="145"/>
        <source>no such file or folder</source>
        <translation>Datei oder Ordner nicht vorhanden</translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="149"/>
        <source>folder is not an investigation case (no signals.csv)</source>
        <translation>Ordner ist kein Untersuchungsfall (keine signals.csv)</translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="167"/>
        <source>JSON, but neither a Prometheus API response nor a Kiali graph</source>
        <translation>JSON, aber weder eine Prometheus-API-Antwort noch ein Kiali-Graph</translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="171"/>
        <source>cannot tell the format from the content; name it with --format</source>
        <translation>Format lässt sich nicht am Inhalt erkennen; geben Sie es mit --format an</translation>
    </message>
    <message>
        <location filename="../core/importers/importer.cpp" line="177"/>
        <source>no input given</source>
        <translation>keine Eingabe angegeben</translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="51"/>
        <source>rate &quot;%1&quot; is neither a string nor a number</source>
        <translation>Rate &quot;%1&quot; ist weder eine Zeichenkette noch eine Zahl</translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="55"/>
        <source>rate &quot;%1&quot; is not a number: %2</source>
        <translation>Rate &quot;%1&quot; ist keine Zahl: %2</translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="161"/>
        <source>edge %1 connects a node that is not in the graph</source>
        <translation>Kante %1 verbindet einen Knoten, der nicht im Graphen enthalten ist</translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="166"/>
        <source>edge %1: &quot;traffic&quot; is not an object</source>
        <translation>Kante %1: &quot;traffic&quot; ist kein Objekt</translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="172"/>
        <source>edge %1: &quot;rates&quot; is not an object</source>
        <translation>Kante %1: &quot;rates&quot; ist kein Objekt</translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="195"/>
        <source>not a Kiali graph (no &quot;elements&quot; object)</source>
        <translation>kein Kiali-Graph (kein Objekt &quot;elements&quot;)</translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="203"/>
        <source>&quot;elements.nodes&quot; and &quot;elements.edges&quot; must be arrays</source>
        <translation>&quot;elements.nodes&quot; und &quot;elements.edges&quot; müssen Arrays sein</translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="209"/>
        <source>a node&apos;s &quot;data&quot; is not an object</source>
        <translation>&quot;data&quot; eines Knotens ist kein Objekt</translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="60"/>
        <source>the header must be exactly &quot;%1&quot;</source>
        <translation>die Kopfzeile muss genau &quot;%1&quot; lauten</translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="70"/>
        <location filename="../core/importers/case_import.cpp" line="131"/>
        <source>not valid UTF-8</source>
        <translation>kein gültiges UTF-8</translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="80"/>
        <source>expected 4 fields (timestamp,entity,signal,value), found %1</source>
        <translation>4 Felder erwartet (timestamp,entity,signal,value), %1 gefunden</translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="85"/>
        <source>timestamp must be unix seconds (digits, optionally .digits): %1</source>
        <translation>Zeitstempel muss in Unix-Sekunden angegeben sein (Ziffern, optional .Ziffern): %1</translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="91"/>
        <source>value must be a finite number: %1</source>
        <translation>Wert muss eine endliche Zahl sein: %1</translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="98"/>
        <source>bad entity name: &quot;%1&quot;</source>
        <translation>ungültiger Entitätsname: &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="101"/>
        <source>signal must match [a-z0-9_]+: &quot;%1&quot;</source>
        <translation>Signal muss [a-z0-9_]+ entsprechen: &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="141"/>
        <source>expected 2 non-empty fields (source,destination)</source>
        <translation>2 nicht leere Felder erwartet (source,destination)</translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="143"/>
        <source>topology.csv names nodes, not edges (found &quot;-&gt;&quot;)</source>
        <translation>topology.csv nennt Knoten, keine Kanten (&quot;-&gt;&quot; gefunden)</translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="181"/>
        <location filename="../core/importers/kiali_graph.cpp" line="235"/>
        <location filename="../core/importers/prom_json.cpp" line="221"/>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="187"/>
        <source>case.json must hold a JSON object</source>
        <translation>case.json muss ein JSON-Objekt enthalten</translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="195"/>
        <source>case.json: &quot;%1&quot; has the wrong type</source>
        <translation>case.json: &quot;%1&quot; hat den falschen Typ</translation>
    </message>
    <message>
        <location filename="../core/importers/case_import.cpp" line="210"/>
        <source>not a case folder: signals.csv is missing</source>
        <translation>kein Fallordner: signals.csv fehlt</translation>
    </message>
    <message>
        <location filename="../core/importers/kiali_graph.cpp" line="245"/>
        <source>unexpected Kiali graph content: %1</source>
        <translation>unerwarteter Inhalt im Kiali-Graphen: %1</translation>
    </message>
    <message>
        <location filename="../core/importers/mesh_signal_builder.cpp" line="359"/>
        <source>%1 histogram bucket series other than Istio&apos;s request duration were not imported</source>
        <translation>%1 Zeitreihen mit Histogramm-Buckets außer Istios Anfragedauer wurden nicht importiert</translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json.cpp" line="42"/>
        <location filename="../core/importers/prom_json.cpp" line="120"/>
        <source>timestamp out of range</source>
        <translation>Zeitstempel außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json.cpp" line="53"/>
        <location filename="../core/importers/prom_json.cpp" line="58"/>
        <source>a sample must be [time, &quot;value&quot;]</source>
        <translation>ein Messwert muss die Form [time, &quot;value&quot;] haben</translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json.cpp" line="129"/>
        <source>result is neither a list of series nor a [time, value] pair</source>
        <translation>das Ergebnis ist weder eine Liste von Zeitreihen noch ein Paar [time, value]</translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json.cpp" line="136"/>
        <source>a scalar result must be [time, &quot;value&quot;]</source>
        <translation>ein skalares Ergebnis muss die Form [time, &quot;value&quot;] haben</translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json.cpp" line="146"/>
        <source>&quot;data&quot; is not a query result object</source>
        <translation>&quot;data&quot; ist kein Abfrageergebnis-Objekt</translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json.cpp" line="167"/>
        <source>not a Prometheus API response (expected a JSON object)</source>
        <translation>keine Prometheus-API-Antwort (JSON-Objekt erwartet)</translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json.cpp" line="187"/>
        <source>unexpected content after the JSON value</source>
        <translation>unerwarteter Inhalt nach dem JSON-Wert</translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json.cpp" line="231"/>
        <source>malformed or unexpected JSON (%1)</source>
        <translation>fehlerhaftes oder unerwartetes JSON (%1)</translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json.cpp" line="235"/>
        <source>not a Prometheus API response (no &quot;status&quot;)</source>
        <translation>keine Prometheus-API-Antwort (kein &quot;status&quot;)</translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json_import.cpp" line="20"/>
        <source>the saved response is a Prometheus error: %1: %2</source>
        <translation>die gespeicherte Antwort ist ein Prometheus-Fehler: %1: %2</translation>
    </message>
    <message>
        <location filename="../core/importers/prom_json_import.cpp" line="50"/>
        <source>%1: %2 NaN or infinite samples were skipped</source>
        <translation>%1: %2 NaN- oder unendliche Messwerte wurden übersprungen</translation>
    </message>
    <message>
        <location filename="../core/recording/chunk_codec.cpp" line="25"/>
        <source>The recording is corrupt: a data chunk is damaged (%1). Restore the file from its source.</source>
        <translation>Die Aufzeichnung ist beschädigt: Ein Datenblock ist fehlerhaft (%1). Stellen Sie die Datei aus ihrer Quelle wieder her.</translation>
    </message>
    <message>
        <location filename="../core/recording/topology_frame_codec.cpp" line="89"/>
        <source>The recording is corrupt: a topology frame is damaged (%1 at offset %2). Restore the file from its source.</source>
        <translation>Die Aufzeichnung ist beschädigt: Ein Topologie-Frame ist fehlerhaft (%1 bei Offset %2). Stellen Sie die Datei aus ihrer Quelle wieder her.</translation>
    </message>
    <message>
        <location filename="../core/recording/topology_frame_codec.cpp" line="162"/>
        <source>The recording is corrupt: a topology frame does not match the frame it refers to. Restore the file from its source.</source>
        <translation>Die Aufzeichnung ist beschädigt: Ein Topologie-Frame passt nicht zu dem Frame, auf den er verweist. Stellen Sie die Datei aus ihrer Quelle wieder her.</translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="114"/>
        <source># TYPE needs a metric name and a type</source>
        <translation># TYPE benötigt einen Metriknamen und einen Typ</translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="133"/>
        <source>expected a metric name</source>
        <translation>Metrikname erwartet</translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="148"/>
        <source>unterminated label set</source>
        <translation>nicht abgeschlossener Label-Satz</translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="153"/>
        <source>expected a space and a value after the metric name</source>
        <translation>Leerzeichen und Wert nach dem Metriknamen erwartet</translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="161"/>
        <location filename="../core/importers/prom_json.cpp" line="50"/>
        <source>sample value is not a number</source>
        <translation>Messwert ist keine Zahl</translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="168"/>
        <source>sample has no timestamp (meshscope imports OpenMetrics with timestamps in seconds)</source>
        <translation>Messwert hat keinen Zeitstempel (meshscope importiert OpenMetrics mit Zeitstempeln in Sekunden)</translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="174"/>
        <source>timestamp is not a number of seconds in range</source>
        <translation>Zeitstempel ist keine Sekundenzahl im gültigen Bereich</translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="179"/>
        <source>unexpected text after the timestamp</source>
        <translation>unerwarteter Text nach dem Zeitstempel</translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="200"/>
        <source>label value is not valid UTF-8</source>
        <translation>Label-Wert ist kein gültiges UTF-8</translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="215"/>
        <source>expected a label name</source>
        <translation>Label-Name erwartet</translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="220"/>
        <source>expected =&quot;value&quot; after label %1</source>
        <translation>=&quot;value&quot; nach Label %1 erwartet</translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="233"/>
        <source>unterminated label value of %1</source>
        <translation>nicht abgeschlossener Label-Wert von %1</translation>
    </message>
    <message>
        <location filename="../core/importers/openmetrics_parser.cpp" line="241"/>
        <source>expected , between labels</source>
        <translation>&quot;,&quot; zwischen Labels erwartet</translation>
    </message>
    <message>
        <location filename="../core/recording/recording.cpp" line="36"/>
        <source>The file already exists; choose another name or allow overwriting it.</source>
        <translation>Die Datei existiert bereits; wählen Sie einen anderen Namen oder erlauben Sie das Überschreiben.</translation>
    </message>
    <message>
        <location filename="../core/recording/recording.cpp" line="40"/>
        <source>The existing file cannot be replaced; check its permissions.</source>
        <translation>Die vorhandene Datei kann nicht ersetzt werden; prüfen Sie ihre Zugriffsrechte.</translation>
    </message>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="68"/>
        <source>The recording does not exist. Check the path.</source>
        <translation>Die Aufzeichnung existiert nicht. Prüfen Sie den Pfad.</translation>
    </message>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="70"/>
        <source>This is a folder, not a recording. Choose a .meshrec file.</source>
        <translation>Dies ist ein Ordner, keine Aufzeichnung. Wählen Sie eine .meshrec-Datei.</translation>
    </message>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="75"/>
        <source>The recording cannot be read (%1). Check its permissions.</source>
        <translation>Die Aufzeichnung kann nicht gelesen werden (%1). Prüfen Sie ihre Zugriffsrechte.</translation>
    </message>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="82"/>
        <source>The file is empty (0 bytes): it is not a recording, or writing it failed before anything was saved. Record or export it again.</source>
        <translation>Die Datei ist leer (0 Bytes): Entweder ist sie keine Aufzeichnung, oder das Schreiben schlug fehl, bevor etwas gespeichert wurde. Zeichnen Sie sie erneut auf oder exportieren Sie sie erneut.</translation>
    </message>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="89"/>
        <source>This is not a meshscope recording (it is not an SQLite file). If it holds metrics in another format, import it with `meshscope-cli import`.</source>
        <translation>Dies ist keine meshscope-Aufzeichnung (keine SQLite-Datei). Enthält die Datei Metriken in einem anderen Format, importieren Sie sie mit `meshscope-cli import`.</translation>
    </message>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="96"/>
        <source>The recording is corrupt: its file header is damaged. Restore it from its source.</source>
        <translation>Die Aufzeichnung ist beschädigt: Der Dateikopf ist fehlerhaft. Stellen Sie sie aus ihrer Quelle wieder her.</translation>
    </message>
    <message>
        <location filename="../core/recording/recording_file_probe.cpp" line="103"/>
        <source>The recording is truncated: it has %1 bytes but should have %2. The copy is incomplete; copy or download it again.</source>
        <translation>Die Aufzeichnung ist abgeschnitten: Die Datei hat %1 Bytes, sollte aber %2 haben. Die Kopie ist unvollständig; kopieren Sie sie erneut oder laden Sie sie erneut herunter.</translation>
    </message>
    <message>
        <location filename="../core/recording/recording_schema.cpp" line="178"/>
        <source>This is an SQLite database but not a meshscope recording. Open a .meshrec file, or import the data with `meshscope-cli import`.</source>
        <translation>Dies ist eine SQLite-Datenbank, aber keine meshscope-Aufzeichnung. Öffnen Sie eine .meshrec-Datei oder importieren Sie die Daten mit `meshscope-cli import`.</translation>
    </message>
    <message>
        <location filename="../core/recording/recording_schema.cpp" line="185"/>
        <source>The recording was written by a newer meshscope (schema version %1; this version reads up to %2). Update meshscope to open it.</source>
        <translation>Die Aufzeichnung wurde von einer neueren meshscope-Version geschrieben (Schemaversion %1; diese Version liest bis %2). Aktualisieren Sie meshscope, um sie zu öffnen.</translation>
    </message>
    <message>
        <location filename="../core/recording/recording_schema.cpp" line="193"/>
        <source>The recording has no schema version: it was never completely created or is damaged. Record or export it again.</source>
        <translation>Die Aufzeichnung hat keine Schemaversion: Entweder wurde sie nie vollständig angelegt, oder sie ist beschädigt. Zeichnen Sie sie erneut auf oder exportieren Sie sie erneut.</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_database.cpp" line="68"/>
        <source>The recording is corrupt (%1 while %2). Restore it from its source; `sqlite3 FILE .recover` may save part of it.</source>
        <translation>Die Aufzeichnung ist beschädigt (%1; Vorgang: %2). Stellen Sie sie aus ihrer Quelle wieder her; `sqlite3 FILE .recover` kann einen Teil davon retten.</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_database.cpp" line="73"/>
        <source>The disk is full (%1 while %2). Free some space and try again.</source>
        <translation>Der Datenträger ist voll (%1; Vorgang: %2). Geben Sie Speicherplatz frei und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_database.cpp" line="78"/>
        <source>The recording is in use by another program (%1 while %2). Close it there and try again.</source>
        <translation>Die Aufzeichnung wird von einem anderen Programm verwendet (%1; Vorgang: %2). Schließen Sie sie dort und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_database.cpp" line="84"/>
        <source>The recording cannot be opened or written (%1 while %2). Check the path and its permissions.</source>
        <translation>Die Aufzeichnung kann nicht geöffnet oder geschrieben werden (%1; Vorgang: %2). Prüfen Sie den Pfad und die Zugriffsrechte.</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_database.cpp" line="88"/>
        <source>Reading or writing the recording failed (%1 while %2). Check the disk.</source>
        <translation>Lesen oder Schreiben der Aufzeichnung ist fehlgeschlagen (%1; Vorgang: %2). Prüfen Sie den Datenträger.</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_database.cpp" line="92"/>
        <source>SQLite failed on the recording (%1 while %2).</source>
        <translation>SQLite-Fehler bei der Aufzeichnung (%1; Vorgang: %2).</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="46"/>
        <source>not closed cleanly; recovered up to the last commit</source>
        <translation>nicht sauber geschlossen; bis zum letzten Commit wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="47"/>
        <source>not closed cleanly</source>
        <translation>nicht sauber geschlossen</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="66"/>
        <source>No temporary folder to recover the recording in (%1).</source>
        <translation>Kein temporärer Ordner, um die Aufzeichnung wiederherzustellen (%1).</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="75"/>
        <source>Could not copy the recording to recover it; check the free space in the temporary folder.</source>
        <translation>Die Aufzeichnung konnte zum Wiederherstellen nicht kopiert werden; prüfen Sie den freien Speicherplatz im temporären Ordner.</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="162"/>
        <source>The recording is corrupt: %1. Restore it from its source.</source>
        <translation>Die Aufzeichnung ist beschädigt: %1. Stellen Sie sie aus ihrer Quelle wieder her.</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="183"/>
        <source>a chunk of series data is damaged (checksum mismatch)</source>
        <translation>ein Block mit Zeitreihendaten ist fehlerhaft (Prüfsumme stimmt nicht)</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="188"/>
        <source>a chunk&apos;s sample count does not match its index</source>
        <translation>die Anzahl der Messwerte eines Blocks passt nicht zu seinem Index</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="194"/>
        <source>the times of series chunks are out of order</source>
        <translation>die Zeiten der Zeitreihenblöcke sind nicht in der richtigen Reihenfolge</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_reader.cpp" line="247"/>
        <source>a topology frame refers to a missing frame</source>
        <translation>ein Topologie-Frame verweist auf einen fehlenden Frame</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_writer.cpp" line="67"/>
        <source>The recording is closed (after close() or an earlier error); open it again to write.</source>
        <translation>Die Aufzeichnung ist geschlossen (nach close() oder einem früheren Fehler); öffnen Sie sie erneut, um zu schreiben.</translation>
    </message>
    <message>
        <location filename="../core/recording/sqlite_recording_writer.cpp" line="118"/>
        <source>Samples of %1 must be appended in increasing time order: %2 ms does not come after %3 ms.</source>
        <translation>Messwerte von %1 müssen in aufsteigender Zeitfolge angehängt werden: %2 ms liegt nicht nach %3 ms.</translation>
    </message>
    <message>
        <location filename="../core/detect/series_detection_stream.cpp" line="69"/>
        <source>the detector learnt under another configuration (%1, now %2)</source>
        <translation>der Detektor lernte unter einer anderen Konfiguration (%1, jetzt %2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/live/live_detection.cpp" line="37"/>
        <source>resumed %Ln series&apos; detectors (learnt until %1)</source>
        <translation>
            <numerusform>Detektoren von %Ln Zeitreihe fortgesetzt (gelernt bis %1)</numerusform>
            <numerusform>Detektoren von %Ln Zeitreihen fortgesetzt (gelernt bis %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/live/live_detection.cpp" line="45"/>
        <source>%Ln series start cold: %1</source>
        <translation>
            <numerusform>%Ln Zeitreihe beginnt ohne Vorwissen: %1</numerusform>
            <numerusform>%Ln Zeitreihen beginnen ohne Vorwissen: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/live/live_detection.cpp" line="106"/>
        <source>learnt more than 7 days ago</source>
        <translation>vor mehr als 7 Tagen gelernt</translation>
    </message>
    <message>
        <location filename="../core/live/live_worker.cpp" line="98"/>
        <source>no earlier session of this connection to resume the detectors from</source>
        <translation>keine frühere Sitzung dieser Verbindung, deren Detektoren fortgesetzt werden könnten</translation>
    </message>
    <message>
        <location filename="../core/live/live_worker.cpp" line="111"/>
        <source>%1 holds no detector states; the detectors start cold</source>
        <translation>%1 enthält keine Detektorzustände; die Detektoren beginnen ohne Vorwissen</translation>
    </message>
    <message>
        <location filename="../core/live/live_worker.cpp" line="116"/>
        <source>the detectors start cold: %1 (%2)</source>
        <translation>die Detektoren beginnen ohne Vorwissen: %1 (%2)</translation>
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
        <translation>Prometheus</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="27"/>
        <source>Kiali</source>
        <translation>Kiali</translation>
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
        <translation>System-CAs</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="64"/>
        <source>Skip TLS certificate verification (unsafe)</source>
        <translation>TLS-Zertifikatsprüfung überspringen (unsicher)</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="65"/>
        <source>Anyone between you and the server can read and change the data.</source>
        <translation>Jeder zwischen Ihnen und dem Server kann die Daten mitlesen und verändern.</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="70"/>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="71"/>
        <source>Prometheus URL</source>
        <translation>Prometheus-URL</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="72"/>
        <source>Authentication</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="73"/>
        <source>Token</source>
        <translation>Token</translation>
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
        <translation>optional, z. B. https://host/kiali</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="95"/>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="96"/>
        <source>Token (login)</source>
        <translation>Token (Anmeldung)</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="97"/>
        <source>Header (bearer on every request)</source>
        <translation>Header (Bearer bei jeder Anfrage)</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="100"/>
        <source>Kiali URL</source>
        <translation>Kiali-URL</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="101"/>
        <source>Login</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="102"/>
        <source>Kubernetes token</source>
        <translation>Kubernetes-Token</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="104"/>
        <source>Without Kiali the topology is rebuilt from Istio metrics in Prometheus.</source>
        <translation>Ohne Kiali wird die Topologie aus den Istio-Metriken in Prometheus rekonstruiert.</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="113"/>
        <source>all namespaces with Istio traffic</source>
        <translation>alle Namespaces mit Istio-Verkehr</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="116"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../views/dialogs/connection_dialog.cpp" line="119"/>
        <source> min</source>
        <translation> min</translation>
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
        <translation>Kein Desktop-Schlüsselbund: Zugangsdaten werden in jeder Sitzung abgefragt.</translation>
    </message>
</context>
<context>
    <name>meshscope::ConnectionSecretStore</name>
    <message>
        <location filename="../views/dialogs/connection_secret_store.cpp" line="51"/>
        <location filename="../views/dialogs/connection_secret_store.cpp" line="72"/>
        <source>no desktop keychain in this build</source>
        <translation>kein Desktop-Schlüsselbund in diesem Build</translation>
    </message>
</context>
<context>
    <name>meshscope::DetectionTuningController</name>
    <message>
        <location filename="../app/gui/detection_tuning_controller.cpp" line="60"/>
        <source>Detector for %1 %2</source>
        <translation>Detektor für %1 %2</translation>
    </message>
    <message>
        <location filename="../app/gui/detection_tuning_controller.cpp" line="64"/>
        <source>Detector for %1</source>
        <translation>Detektor für %1</translation>
    </message>
    <message>
        <location filename="../app/gui/detection_tuning_controller.cpp" line="72"/>
        <source>Mute Alerts</source>
        <translation>Alarme stummschalten</translation>
    </message>
    <message>
        <location filename="../app/gui/detection_tuning_controller.cpp" line="75"/>
        <source>The series is still learned and drawn with its band, but raises no anomalies.</source>
        <translation>Die Zeitreihe wird weiter gelernt und mit ihrem Band gezeichnet, meldet aber keine Anomalien.</translation>
    </message>
    <message>
        <location filename="../app/gui/detection_tuning_controller.cpp" line="107"/>
        <source>Muted the alerts of %1 %2</source>
        <translation>Alarme von %1 %2 stummgeschaltet</translation>
    </message>
    <message>
        <location filename="../app/gui/detection_tuning_controller.cpp" line="108"/>
        <source>Unmuted the alerts of %1 %2</source>
        <translation>Stummschaltung der Alarme von %1 %2 aufgehoben</translation>
    </message>
    <message>
        <location filename="../app/gui/detection_tuning_controller.cpp" line="110"/>
        <source>Sensitivity of %1 %2 set to %3×</source>
        <translation>Empfindlichkeit von %1 %2 auf %3× gesetzt</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/detection_tuning_controller.cpp" line="121"/>
        <source>Cleared the detector tuning of %n series</source>
        <translation>
            <numerusform>Detektoreinstellungen von %n Zeitreihe zurückgesetzt</numerusform>
            <numerusform>Detektoreinstellungen von %n Zeitreihen zurückgesetzt</numerusform>
        </translation>
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
        <translation>z. B. %err &gt; 5 and ns = shop, rt &gt; 500, name ~ cart, !healthy</translation>
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
        <location filename="../views/pages/live_session.cpp" line="294"/>
        <source>Live %1: %2</source>
        <translation>Live %1: %2</translation>
    </message>
    <message>
        <location filename="../views/pages/live_session.cpp" line="296"/>
        <source>Recording to %1</source>
        <translation>Aufzeichnung nach %1</translation>
    </message>
</context>
<context>
    <name>meshscope::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="79"/>
        <source>meshscope</source>
        <translation>meshscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="94"/>
        <source>The live connection stopped: %1</source>
        <translation>Die Live-Verbindung wurde beendet: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="97"/>
        <source>Live detectors: %1</source>
        <translation>Live-Detektoren: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="107"/>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="116"/>
        <source>Loading was cancelled.</source>
        <translation>Das Laden wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="148"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="149"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="151"/>
        <source>Open &amp;Demo Recording</source>
        <translation>&amp;Demo-Aufzeichnung öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="152"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="154"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="156"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="159"/>
        <source>&amp;Cancel Loading</source>
        <translation>Laden &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="163"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="166"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="168"/>
        <source>&amp;Fit Topology</source>
        <translation>Topologie &amp;einpassen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="171"/>
        <source>&amp;Detect Again</source>
        <translation>Erneut &amp;erkennen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="176"/>
        <source>&amp;Replay</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="179"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="180"/>
        <source>&amp;About meshscope</source>
        <translation>&amp;Über meshscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="181"/>
        <source>About meshscope</source>
        <translation>Über meshscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="182"/>
        <source>&lt;b&gt;meshscope %1&lt;/b&gt;&lt;p&gt;Incident console for service meshes: topology, anomalies, incidents and replay of recorded metrics.&lt;/p&gt;</source>
        <translation>&lt;b&gt;meshscope %1&lt;/b&gt;&lt;p&gt;Vorfallkonsole für Service-Meshes: Topologie, Anomalien, Vorfälle und Wiedergabe aufgezeichneter Metriken.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="198"/>
        <source>Cancel loading or detection (Esc)</source>
        <translation>Laden oder Erkennung abbrechen (Esc)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="224"/>
        <source>Plots</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="225"/>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="226"/>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="260"/>
        <source>The demo recording was not found. Build the demo_recording target or open a file with File › Open.</source>
        <translation>Die Demo-Aufzeichnung wurde nicht gefunden. Bauen Sie das Target demo_recording oder öffnen Sie eine Datei über Datei › Öffnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="272"/>
        <source>Open recording or metrics dump</source>
        <translation>Aufzeichnung oder Metrik-Dump öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="273"/>
        <source>Recordings and dumps (*.meshrec *.om *.txt *.prom *.json *.csv);;Recordings (*.meshrec);;All files (*)</source>
        <translation>Aufzeichnungen und Dumps (*.meshrec *.om *.txt *.prom *.json *.csv);;Aufzeichnungen (*.meshrec);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="299"/>
        <source>%1 — meshscope</source>
        <translation>%1 — meshscope</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="301"/>
        <source>Loaded with %n warning(s): %1</source>
        <translation>
            <numerusform>Mit %n Warnung geladen: %1</numerusform>
            <numerusform>Mit %n Warnungen geladen: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="312"/>
        <source>Detecting anomalies in %1…</source>
        <translation>Erkenne Anomalien in %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="320"/>
        <source>Detection failed: %1</source>
        <translation>Erkennung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="325"/>
        <source>Detection was cancelled; View › Detect Again (Ctrl+D) restarts it.</source>
        <translation>Die Erkennung wurde abgebrochen; Ansicht › Erneut erkennen (Ctrl+D) startet sie neu.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="350"/>
        <source>&amp;Clear Detector Tuning</source>
        <translation>Detektoreinstellungen &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="351"/>
        <source>Unmute every series and give each the normal sensitivity</source>
        <translation>Stummschaltung aller Zeitreihen aufheben und jeder die normale Empfindlichkeit geben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="360"/>
        <source>%1. Live detection uses it from the next connection.</source>
        <translation>%1. Die Live-Erkennung übernimmt die Änderung ab der nächsten Verbindung.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="364"/>
        <source>%1; detecting again.</source>
        <translation>%1; Erkennung läuft erneut.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="370"/>
        <source>The detector tuning was not read (%1); the defaults are used until you change a series.</source>
        <translation>Die Detektoreinstellungen wurden nicht gelesen (%1); bis Sie eine Zeitreihe ändern, gelten die Standardwerte.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="404"/>
        <source>Could not open: %1</source>
        <translation>Konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="412"/>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="420"/>
        <source>%1 – %2 UTC</source>
        <translation>%1 – %2 UTC</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="421"/>
        <source>no samples</source>
        <translation>keine Messwerte</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="422"/>
        <source>%n series</source>
        <translation>
            <numerusform>%n Zeitreihe</numerusform>
            <numerusform>%n Zeitreihen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="423"/>
        <source>%n anomalies</source>
        <translation>
            <numerusform>%n Anomalie</numerusform>
            <numerusform>%n Anomalien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="424"/>
        <source>%n incidents</source>
        <translation>
            <numerusform>%n Vorfall</numerusform>
            <numerusform>%n Vorfälle</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="510"/>
        <source>live, recording to %1</source>
        <translation>live, Aufzeichnung nach %1</translation>
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
    <name>meshscope::ReplayBar</name>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="47"/>
        <source>Scrub through the recording</source>
        <translation>Durch die Aufzeichnung spulen</translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="51"/>
        <source>%1×</source>
        <translation>%1×</translation>
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
        <translation> UTC</translation>
    </message>
    <message>
        <location filename="../views/replay/replay_bar.cpp" line="144"/>
        <source>  T0 %1</source>
        <translation>  T0 %1</translation>
    </message>
</context>
<context>
    <name>meshscope::ScreenshotRunner</name>
    <message>
        <location filename="../app/gui/screenshot_runner.cpp" line="34"/>
        <source>timed out waiting for the data and its layout</source>
        <translation>Zeitüberschreitung beim Warten auf die Daten und ihre Anordnung</translation>
    </message>
    <message>
        <location filename="../app/gui/screenshot_runner.cpp" line="70"/>
        <source>cannot read the time &quot;%1&quot; (use ISO 8601, epoch seconds or +5m)</source>
        <translation>Zeitpunkt &quot;%1&quot; kann nicht gelesen werden (ISO 8601, Epochensekunden oder +5m verwenden)</translation>
    </message>
    <message>
        <location filename="../app/gui/screenshot_runner.cpp" line="106"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
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
        <location filename="../views/plots/signal_plots.cpp" line="109"/>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <location filename="../views/plots/signal_plots.cpp" line="110"/>
        <source>errors %</source>
        <translation>Fehler %</translation>
    </message>
    <message>
        <location filename="../views/plots/signal_plots.cpp" line="111"/>
        <source>latency ms</source>
        <translation>Latenz ms</translation>
    </message>
    <message>
        <location filename="../views/plots/signal_plots.cpp" line="303"/>
        <source>Select a service or an edge to see its signals</source>
        <translation>Dienst oder Kante auswählen, um die Signale zu sehen</translation>
    </message>
    <message>
        <location filename="../views/plots/signal_plots.cpp" line="304"/>
        <source>Signals of %1</source>
        <translation>Signale von %1</translation>
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
        <translation>Kante oder Dienst mit Verkehr auswählen</translation>
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
        <location filename="../views/timeline/timeline_model.cpp" line="52"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="54"/>
        <location filename="../views/timeline/timeline_view.cpp" line="57"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="55"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="137"/>
        <source>first affected %1</source>
        <translation>zuerst betroffen: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/timeline/timeline_model.cpp" line="138"/>
        <source>%n alerts</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="139"/>
        <source>resolved</source>
        <translation>behoben</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="139"/>
        <source>ongoing</source>
        <translation>andauernd</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="141"/>
        <source>likely cause %1</source>
        <translation>wahrscheinliche Ursache %1</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="150"/>
        <source>Not correlated (%1)</source>
        <translation>Nicht korreliert (%1)</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="307"/>
        <source>Entity / signal</source>
        <translation>Entität / Signal</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="309"/>
        <source>Significance</source>
        <translation>Signifikanz</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="311"/>
        <source>Onset (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="313"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="315"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/timeline/timeline_model.cpp" line="357"/>
        <source>%n anomalies</source>
        <translation>
            <numerusform>%n Anomalie</numerusform>
            <numerusform>%n Anomalien</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="406"/>
        <source>%1
observed %2 %4, expected %3 %4 at %5
detector: %6</source>
        <translation>%1
beobachtet %2 %4, erwartet %3 %4 um %5
Detektor: %6</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="444"/>
        <source>Likely root cause (top %1 of %2)</source>
        <translation>Wahrscheinliche Ursache (beste %1 von %2)</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="447"/>
        <source>Likely root cause (%1)</source>
        <translation>Wahrscheinliche Ursache (%1)</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="449"/>
        <source>Root-cause candidates, most likely first. Click one to focus it.</source>
        <translation>Ursachenkandidaten, der wahrscheinlichste zuerst. Ein Klick fokussiert ihn.</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="484"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="486"/>
        <location filename="../views/timeline/timeline_view.cpp" line="53"/>
        <source>score %1</source>
        <translation>Score %1</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="495"/>
        <source>%1. %2 (score %3)
%4</source>
        <translation>%1. %2 (Score %3)
%4</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="531"/>
        <source>Incident %1%2
first affected: %3
significance %4, %5 anomalies, %6</source>
        <translation>Vorfall %1%2
zuerst betroffen: %3
Signifikanz %4, %5 Anomalien, %6</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="532"/>
        <source> (resolved)</source>
        <translation> (behoben)</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="537"/>
        <source>Root-cause candidates:</source>
        <translation>Ursachenkandidaten:</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_model.cpp" line="497"/>
        <location filename="../views/timeline/timeline_model.cpp" line="547"/>
        <source>path: %1</source>
        <translation>Pfad: %1</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="22"/>
        <source>firing</source>
        <translation>ausgelöst</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="24"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="60"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="68"/>
        <source>severity %1</source>
        <translation>Schweregrad %1</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="70"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="76"/>
        <source>Prometheus alert %1 (%2)</source>
        <translation>Prometheus-Alarm %1 (%2)</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="78"/>
        <source>concerns %1</source>
        <translation>betrifft %1</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="81"/>
        <source>since %1 UTC, still active</source>
        <translation>seit %1 UTC, noch aktiv</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="82"/>
        <source>%1 – %2 UTC</source>
        <translation>%1 – %2 UTC</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="86"/>
        <source>rule active since %1 UTC</source>
        <translation>Regel aktiv seit %1 UTC</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="91"/>
        <source>labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="101"/>
        <source>Prometheus alerts (%1, %2 firing)</source>
        <translation>Prometheus-Alarme (%1, %2 ausgelöst)</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="109"/>
        <source>Alerts of Prometheus&apos; own alerting rules: filled bars were firing, dashed ones only pending.</source>
        <translation>Alarme aus den eigenen Alarmregeln von Prometheus: Gefüllte Balken wurden ausgelöst, gestrichelte waren nur ausstehend.</translation>
    </message>
    <message>
        <location filename="../views/timeline/alert_rows.cpp" line="150"/>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
</context>
<context>
    <name>meshscope::TimelineView</name>
    <message>
        <location filename="../views/timeline/timeline_view.cpp" line="59"/>
        <source>Filter entity or signal</source>
        <translation>Entität oder Signal filtern</translation>
    </message>
    <message>
        <location filename="../views/timeline/timeline_view.cpp" line="62"/>
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
        <translation>p95</translation>
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
        <location filename="../views/topology/topology_scene_paint.cpp" line="85"/>
        <source>%1 rps</source>
        <translation>%1 rps</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="87"/>
        <source>%1% err</source>
        <translation>%1% Fehler</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="89"/>
        <source>p95 %1 ms</source>
        <translation>p95 %1 ms</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="235"/>
        <source>%1 in namespace %2</source>
        <translation>%1 im Namespace %2</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="237"/>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="240"/>
        <source>health (Kiali): %1</source>
        <translation>Zustand (Kiali): %1</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="241"/>
        <source>inbound health: %1</source>
        <translation>Zustand eingehender Anfragen: %1</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="243"/>
        <source>anomalous (significance %1)</source>
        <translation>anomal (Signifikanz %1)</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="245"/>
        <source>suspected root cause of an open incident</source>
        <translation>vermutete Ursache eines offenen Vorfalls</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="258"/>
        <source>request rate: %1 %2</source>
        <translation>Anfragerate: %1 %2</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="261"/>
        <source>errors: %1%</source>
        <translation>Fehler: %1%</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="263"/>
        <source>p95 latency: %1 ms</source>
        <translation>p95-Latenz: %1 ms</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="264"/>
        <source>health (Kiali thresholds): %1</source>
        <translation>Zustand (Kiali-Schwellenwerte): %1</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="266"/>
        <source>anomalous against its baseline (significance %1)</source>
        <translation>anomal gegenüber der eigenen Basislinie (Signifikanz %1)</translation>
    </message>
    <message>
        <location filename="../views/topology/topology_scene_paint.cpp" line="269"/>
        <source>part of an open incident</source>
        <translation>Teil eines offenen Vorfalls</translation>
    </message>
</context>
</TS>
